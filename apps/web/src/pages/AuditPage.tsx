// Auditors and admins: search transitions across cases, rebuild a case as it was at a moment,
// and export a search as CSV or NDJSON (streamed, with bytes and rows as they arrive).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, streamExport, type StreamProgress } from '../api/client.ts';
import type { AuditRow, DefinitionSource, StateAt, Unit } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { canAudit, useSession } from '../auth/session.tsx';
import { ErrorMessage, Loading, Notice } from '../components/feedback.tsx';
import { DataView } from '../components/data-view.tsx';
import { eventName, statesName } from '../components/history.tsx';
import { loadVersion } from '../definitions/catalogue.ts';
import { fromLocalInput } from '../form/schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useLocation } from '../router.tsx';
import { WorkflowSelect } from '../components/WorkflowSelect.tsx';

interface Filters {
  actor: string;
  unit: string;
  definitionKey: string;
  eventType: string;
  businessKey: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { actor: '', unit: '', definitionKey: '', eventType: '', businessKey: '', from: '', to: '' };
const toQuery = (f: Filters) => ({ ...f, from: fromLocalInput(f.from), to: fromLocalInput(f.to) });

/** Sources of the definition versions seen in the rows, for event and step labels. */
function useSources(rows: AuditRow[] | undefined): Map<string, DefinitionSource> {
  const [sources, setSources] = useState(new Map<string, DefinitionSource>());
  const wanted = [...new Set((rows ?? []).map((r) => `${r.definitionKey}@${r.definitionVersion}`))].filter((id) => !sources.has(id));
  useEffect(() => {
    if (!wanted.length) return;
    let live = true;
    Promise.all(
      wanted.map((id) => {
        const [key, v] = id.split('@');
        return loadVersion(key, Number(v)).then(
          (d) => [id, d.source] as const,
          () => null,
        );
      }),
    ).then((pairs) => {
      if (!live) return;
      setSources((old) => {
        const next = new Map(old);
        for (const p of pairs) if (p) next.set(p[0], p[1]);
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [wanted.join(',')]);
  return sources;
}

export function AuditPage() {
  const { t } = useI18n();
  const { me } = useSession();
  if (!canAudit(me)) return <p className="notice warning">{t('app.forbidden')}</p>;
  return <AuditContent />;
}

function AuditContent() {
  const i18n = useI18n();
  const { t, L, dateTime } = i18n;
  const { query } = useLocation();
  const units = useLoad((signal) => api<{ items: Unit[] } | Unit[]>('/units', { signal }).then((r) => (Array.isArray(r) ? r : r.items)), []);
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const results = useLoad(
    (signal) => api<{ items: AuditRow[]; nextCursor: string | null }>('/audit', { query: { ...toQuery(filters), limit: 50 }, signal }),
    [JSON.stringify(filters)],
  );
  const [more, setMore] = useState<AuditRow[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const rows = [...(results.data?.items ?? []), ...more];
  const sources = useSources(rows);
  const next = cursor === undefined ? results.data?.nextCursor : cursor;

  const search = (e: FormEvent) => {
    e.preventDefault();
    setMore([]);
    setCursor(undefined);
    setFilters(draft);
  };
  const loadMore = async () => {
    if (!next) return;
    const page = await api<{ items: AuditRow[]; nextCursor: string | null }>('/audit', { query: { ...toQuery(filters), limit: 50, cursor: next } });
    setMore([...more, ...page.items]);
    setCursor(page.nextCursor);
  };
  const field = (name: keyof Filters, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`audit-${name}`}>{label}</label>
      <input id={`audit-${name}`} type={type} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
    </div>
  );

  return (
    <>
      <h1 tabIndex={-1}>{t('audit.title')}</h1>
      <section aria-labelledby="audit-search-title" className="card">
        <h2 id="audit-search-title">{t('audit.search')}</h2>
        <form onSubmit={search} className="filter-grid" data-testid="audit-search">
          {field('actor', t('audit.actor'))}
          <div className="field">
            <label htmlFor="audit-unit">{t('audit.unit')}</label>
            <select id="audit-unit" value={draft.unit} onChange={(e) => setDraft({ ...draft, unit: e.target.value })}>
              <option value="">{t('app.all')}</option>
              {(units.data ?? []).map((u) => (
                <option key={u.key} value={u.key}>
                  {L(u.name, u.key)}
                </option>
              ))}
            </select>
          </div>
          <WorkflowSelect id="audit-definition" label={t('case.workflow')} value={draft.definitionKey} onChange={(definitionKey) => setDraft({ ...draft, definitionKey })} />
          {field('eventType', t('audit.eventType'))}
          {field('businessKey', t('case.businessKey'))}
          {field('from', t('audit.from'), 'datetime-local')}
          {field('to', t('audit.to'), 'datetime-local')}
          <div className="form-actions">
            <button type="submit">{t('app.search')}</button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setDraft(EMPTY);
                setFilters(EMPTY);
              }}
            >
              {t('app.reset')}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="audit-results-title">
        <h2 id="audit-results-title">{t('audit.results')}</h2>
        <ErrorMessage error={results.error} onRetry={results.reload} />
        {results.loading && !results.data ? <Loading /> : null}
        {results.data && !rows.length ? <p className="empty">{t('audit.empty')}</p> : null}
        {rows.length ? (
          <table className="data-table" data-testid="audit-results">
            <thead>
              <tr>
                <th scope="col">{t('audit.col.at')}</th>
                <th scope="col">{t('audit.col.case')}</th>
                <th scope="col">{t('audit.col.event')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.change')}</th>
                <th scope="col">{t('audit.col.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const source = sources.get(`${r.definitionKey}@${r.definitionVersion}`);
                return (
                  <tr key={r.gseq}>
                    <td data-label={t('audit.col.at')}>{dateTime(r.at)}</td>
                    <td data-label={t('audit.col.case')}>
                      <Link to={`/cases/${r.instanceId}`}>{r.businessKey ?? r.instanceId.slice(0, 8)}</Link>
                      <div className="muted small">{source ? L(source.title) : r.definitionKey}</div>
                    </td>
                    <td data-label={t('audit.col.event')}>{eventName(source, r.event, i18n)}</td>
                    <td data-label={t('audit.col.actor')}>{r.actor}</td>
                    <td data-label={t('audit.col.change')}>
                      {r.seq > 1 ? `${statesName(source, r.from, i18n)} → ` : ''}
                      {statesName(source, r.to, i18n)}
                    </td>
                    <td data-label={t('audit.col.comment')}>{r.comment ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
        {next ? (
          <button type="button" className="secondary" onClick={loadMore}>
            {t('app.more')}
          </button>
        ) : null}
      </section>

      <Export filters={filters} />
      <StateAtForm initialId={query.get('instance') ?? ''} />
    </>
  );
}

function Export({ filters }: { filters: Filters }) {
  const { t, bytes, number } = useI18n();
  const [format, setFormat] = useState<'csv' | 'ndjson'>('csv');
  const [progress, setProgress] = useState<StreamProgress | null>(null);
  const [done, setDone] = useState('');
  const [error, setError] = useState<unknown>();
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    setError(undefined);
    setDone('');
    setProgress({ bytes: 0, rows: 0, done: false });
    const ac = new AbortController();
    abort.current = ac;
    try {
      const r = await streamExport('/audit/export', { ...toQuery(filters), format }, format, setProgress, ac.signal);
      setDone(t('audit.exported', { file: r.fileName, bytes: bytes(r.bytes), rows: number(r.rows) }));
    } catch (e) {
      if ((e as Error).name === 'AbortError') setDone(t('audit.exportCancelled'));
      else setError(e);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="audit-export-title" className="card">
      <h2 id="audit-export-title">{t('audit.export')}</h2>
      <fieldset className="field group">
        <legend>{t('audit.format')}</legend>
        <div className="choices-inline">
          {(['csv', 'ndjson'] as const).map((f) => (
            <label key={f} className="choice">
              <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
              {f.toUpperCase()}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="actions-row">
        <button type="button" onClick={start} disabled={!!progress} data-testid="export-start">
          {t('audit.exportStart')}
        </button>
        {progress ? (
          <button type="button" className="secondary" onClick={() => abort.current?.abort()}>
            {t('audit.exportCancel')}
          </button>
        ) : null}
      </div>
      {progress ? (
        <div className="export-progress">
          <progress aria-label={t('audit.export')} />
          <span data-testid="export-progress">{t('audit.exporting', { bytes: bytes(progress.bytes), rows: number(progress.rows) })}</span>
        </div>
      ) : null}
      <p role="status" aria-live="polite" data-testid="export-done" className={done ? 'notice success' : 'sr-only'}>
        {done}
      </p>
      <ErrorMessage error={error} />
    </section>
  );
}

function StateAtForm({ initialId }: { initialId: string }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const [id, setId] = useState(initialId);
  // Now, to the second, in Vietnam time.
  const [at, setAt] = useState(() => new Date(Date.now() + 7 * 3600_000 + 1000).toISOString().slice(0, 19));
  const [result, setResult] = useState<{ state: StateAt; source?: DefinitionSource } | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setResult(null);
    setBusy(true);
    try {
      const state = await api<StateAt>(`/instances/${encodeURIComponent(id.trim())}/state`, { query: { at: fromLocalInput(at) } });
      const inst = await api<{ definition: { key: string; version: number } }>(`/instances/${encodeURIComponent(id.trim())}`);
      const source = await loadVersion(inst.definition.key, inst.definition.version).then(
        (d) => d.source,
        () => undefined,
      );
      setResult({ state, source });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="audit-state-title" className="card">
      <h2 id="audit-state-title">{t('audit.stateAt')}</h2>
      <form onSubmit={submit} className="filter-grid">
        <div className="field">
          <label htmlFor="state-at-id">{t('audit.instanceId')}</label>
          <input id="state-at-id" value={id} onChange={(e) => setId(e.target.value)} required spellCheck={false} autoCapitalize="off" />
        </div>
        <div className="field">
          <label htmlFor="state-at-at">{t('audit.atMoment')}</label>
          <input id="state-at-at" type="datetime-local" step={1} value={at} onChange={(e) => setAt(e.target.value)} required />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('audit.rebuild')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {busy ? <Loading /> : null}
      {result ? (
        <Notice>
          <p data-testid="state-at-result">
            {t('audit.stateAtResult', { seq: result.state.seq, event: eventName(result.source, result.state.event, i18n), at: dateTime(result.state.at) })}{' '}
            <strong>{statesName(result.source, result.state.state, i18n)}</strong> ({t(`case.status.${result.state.status}`)})
          </p>
          <DataView data={result.state.context} source={result.source} />
          <p>
            <Link to={`/cases/${result.state.instanceId}`}>{t('task.viewCase')}</Link>
          </p>
        </Notice>
      ) : null}
    </section>
  );
}
