// The search field of the cases list and the inbox: words typed without diacritics find a case by
// its business key, summary and searchable fields (the API folds both sides). It searches as one
// types (after a pause) or on Enter; one character is too few (the API answers 400), so it waits
// and says so.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** The fewest characters the API searches with. */
export const SEARCH_MIN = 2;

/** What to send: the trimmed text when it is long enough, '' for "no search", null while it is too short to send. */
export function searchTerm(text: string): string | null {
  const q = text.trim().replace(/\s+/g, ' ');
  if (!q) return '';
  return q.length >= SEARCH_MIN ? q : null;
}

export function SearchBox({ label, hint, value, onSearch, testId }: { label: string; hint: string; value: string; onSearch(q: string): void; testId?: string }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  useEffect(() => {
    sent.current = value;
    setText((current) => (searchTerm(current) === value ? current : value));
  }, [value]);

  const send = (now: string) => {
    const q = searchTerm(now);
    if (q === null || q === sent.current) return;
    sent.current = q;
    onSearch(q);
  };

  // Typing: search after a short pause.
  useEffect(() => {
    const timer = setTimeout(() => send(text), 400);
    return () => clearTimeout(timer);
  }, [text]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    send(text);
  };
  const tooShort = searchTerm(text) === null;
  return (
    <form role="search" className="search-box" onSubmit={submit} aria-label={label}>
      <label htmlFor={`${id}-q`}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="search-row">
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={tooShort ? `${id}-hint ${id}-short` : `${id}-hint`}
          data-testid={testId}
        />
        <button type="submit" className="secondary">
          {t('app.search')}
        </button>
      </div>
      {tooShort ? (
        <p className="hint" id={`${id}-short`} role="status">
          {t('search.tooShort', { n: SEARCH_MIN })}
        </p>
      ) : null}
    </form>
  );
}
