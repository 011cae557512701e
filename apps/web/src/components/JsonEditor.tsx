// A JSON editor: a textarea with line numbers, problem markers in the gutter, the problems of the
// caret's line under it, and a list of every problem with a button that goes to its line.
import { useMemo, useRef, useState, type UIEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { lineStarts, position } from '../json/locate.ts';

export interface LineIssue {
  line: number;
  path: string;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface JsonEditorProps {
  id: string;
  label: string;
  /** The label is said by a heading already: keep it for screen readers only. */
  hideLabel?: boolean;
  value: string;
  onChange(value: string): void;
  issues: LineIssue[];
  readOnly?: boolean;
  help?: string;
}

export function JsonEditor({ id, label, hideLabel = false, value, onChange, issues, readOnly = false, help }: JsonEditorProps) {
  const { t } = useI18n();
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const [caret, setCaret] = useState({ line: 1, column: 1 });
  const starts = useMemo(() => lineStarts(value), [value]);
  const byLine = useMemo(() => {
    const map = new Map<number, LineIssue[]>();
    for (const issue of issues) map.set(issue.line, [...(map.get(issue.line) ?? []), issue]);
    return map;
  }, [issues]);
  const sorted = useMemo(() => [...issues].sort((a, b) => a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)), [issues]);

  const syncScroll = (e: UIEvent<HTMLTextAreaElement>) => {
    if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
  };
  const updateCaret = () => {
    const el = area.current;
    if (el) setCaret(position(starts, el.selectionStart));
  };
  const goTo = (line: number) => {
    const el = area.current;
    if (!el) return;
    const start = starts[line - 1] ?? 0;
    const end = line < starts.length ? starts[line] - 1 : value.length;
    el.focus();
    el.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (line - 4) * lineHeight);
    setCaret({ line, column: 1 });
  };
  const here = byLine.get(caret.line) ?? [];

  return (
    <div className="json-editor">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'editor-label'}>
        {label}
      </label>
      {help ? (
        <p className="hint" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      <div className="editor-frame">
        <div className="gutter" ref={gutter} aria-hidden="true">
          {starts.map((_, i) => {
            const n = i + 1;
            const lineIssues = byLine.get(n);
            const kind = lineIssues ? (lineIssues.some((x) => x.severity === 'error') ? 'has-issue' : 'has-warning') : '';
            return (
              <div key={n} className={`gutter-line ${kind}`} data-line={n} title={lineIssues?.map((x) => x.message).join('\n')}>
                {lineIssues ? <span className="marker">●</span> : null}
                {n}
              </div>
            );
          })}
        </div>
        <textarea
          id={id}
          ref={area}
          className="editor-text"
          value={value}
          readOnly={readOnly}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-describedby={[help ? `${id}-help` : '', `${id}-issues`, `${id}-caret`].filter(Boolean).join(' ')}
          aria-invalid={issues.some((x) => x.severity === 'error') || undefined}
          onChange={(e) => onChange(e.target.value)}
          onScroll={syncScroll}
          onSelect={updateCaret}
          onKeyUp={updateCaret}
          onClick={updateCaret}
        />
      </div>
      <div className="caret-line" id={`${id}-caret`} aria-live="polite">
        <span className="muted small">{t('wf.lineCol', { line: caret.line, col: caret.column })}</span>
        {here.length ? (
          <ul className="here-issues" aria-label={t('wf.lineIssues')}>
            {here.map((x, i) => (
              <li key={i} className={x.severity}>
                {x.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div id={`${id}-issues`}>
        {sorted.length ? (
          <ul className="issues" data-testid="editor-issues">
            {sorted.map((x, i) => (
              <li key={i} className={`issue ${x.severity}`} data-testid="issue" data-line={x.line} data-path={x.path} data-code={x.code}>
                <button type="button" className="link-button" onClick={() => goTo(x.line)} aria-label={t('wf.goToLine', { n: x.line })}>
                  {t('wf.line', { n: x.line })}
                </button>{' '}
                <code className="path">{x.path || '/'}</code> <span className="code">{x.code}</span>: <span className="message">{x.message}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
