// Cases: the list (newest first, searched and filtered; each with its business key and summary) and
// starting a new one with the workflow's input form (in the definition's labels).
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { DefinitionSource, Instance, InstancePage, Task } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { isAuditor, mayStart, useSession } from '../auth/session.tsx';
import { ErrorMessage, Loading } from '../components/feedback.tsx';
import { DueDate, useNow } from '../components/time.tsx';
import { useDefinitions, useVersion } from '../definitions/catalogue.ts';
import { initialValue, prune, SchemaForm } from '../form/SchemaForm.tsx';
import { issuesToErrors, validateValue, valueAt, type FieldErrors } from '../form/validate.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { flash } from './flash.ts';
import { WorkflowSelect } from '../components/WorkflowSelect.tsx';
import { SearchBox } from '../components/SearchBox.tsx';

export function CasesPage() {
  const { t, L, dateTime } = useI18n();
  const { me } = useSession();
  const { query } = useLocation();
  const now = useNow(30_000);
  const definitions = useDefinitions();
  const filters = { definitionKey: query.get('definitionKey') ?? '', status: query.get('status') ?? '', businessKey: query.get('businessKey') ?? '', q: query.get('q') ?? '' };
  const apiQuery = { ...filters, q: filters.q.trim().length >= 2 ? filters.q.trim() : undefined, limit: 50 };
  const list = useLoad((signal) => api<InstancePage>('/instances', { query: apiQuery, signal }), [JSON.stringify(filters)]);
  const [more, setMore] = useState<Instance[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const titles = new Map((definitions ?? []).map((d) => [d.key, d.title]));
  const set = (change: Partial<typeof filters>) => {
    setMore([]);
    setCursor(undefined);
    navigate(withQuery('/cases', { ...filters, ...change }), { replace: true });
  };
  const next = cursor === undefined ? list.data?.nextCursor : cursor;
  const loadMore = async () => {
    if (!next) return;
    const page = await api<InstancePage>('/instances', { query: { ...apiQuery, cursor: next } });
    setMore([...more, ...page.items]);
    setCursor(page.nextCursor);
  };
  const items = [...(list.data?.items ?? []), ...more];

  return (
    <>
      <h1 tabIndex={-1}>{t('case.list')}</h1>
      {!isAuditor(me) ? (
        <p>
          <Link to="/cases/new" className="button">
            {t('case.new')}
          </Link>
        </p>
      ) : null}
      <SearchBox label={t('search.cases')} hint={t('search.hint')} value={filters.q} onSearch={(q) => set({ q })} testId="cases-search" />
      <div className="filter-grid card">
        <WorkflowSelect id="cases-workflow" label={t('case.workflow')} value={filters.definitionKey} onChange={(definitionKey) => set({ definitionKey })} />
        <div className="field">
          <label htmlFor="cases-status">{t('case.filter.status')}</label>
          <select id="cases-status" value={filters.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">{t('app.all')}</option>
            <option value="active">{t('case.status.active')}</option>
            <option value="done">{t('case.status.done')}</option>
          </select>
        </div>
        {filters.businessKey ? (
          <p className="filter-note">
            {t('case.filter.businessKey')}: <strong>{filters.businessKey}</strong>{' '}
            <button type="button" className="secondary small" onClick={() => set({ businessKey: '' })}>
              {t('app.reset')}
            </button>
          </p>
        ) : null}
      </div>
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !items.length ? <p className="empty">{filters.q ? t('search.none', { q: filters.q }) : t('case.empty')}</p> : null}
      {items.length ? (
        <table className="data-table" data-testid="cases-table">
          <thead>
            <tr>
              <th scope="col">{t('case.businessKey')}</th>
              <th scope="col">{t('case.summary')}</th>
              <th scope="col">{t('case.workflow')}</th>
              <th scope="col">{t('case.state')}</th>
              <th scope="col">{t('task.due')}</th>
              <th scope="col">{t('case.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-instance-id={i.id}>
                <td data-label={t('case.businessKey')}>
                  <Link to={`/cases/${i.id}`}>{i.businessKey ?? t('case.open')}</Link>
                </td>
                <td data-label={t('case.summary')} className="case-cell">
                  {i.summary ? <span className="case-summary">{i.summary}</span> : <span className="muted">—</span>}
                </td>
                <td data-label={t('case.workflow')}>{L(titles.get(i.definition.key), i.definition.key)}</td>
                <td data-label={t('case.state')}>
                  {i.status === 'done' ? t('case.status.done') + ' · ' : ''}
                  {i.activeStates.map((s) => L(s.label, t('case.stepUnnamed'))).join(', ')}
                </td>
                <td data-label={t('task.due')}>{i.status === 'active' ? <DueDate dueAt={i.nextDueAt} now={now} compact /> : '—'}</td>
                <td data-label={t('case.createdAt')}>{dateTime(i.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {next ? (
        <button type="button" className="secondary" onClick={loadMore}>
          {t('app.more')}
        </button>
      ) : null}
    </>
  );
}

export function NewCasePage() {
  const i18n = useI18n();
  const { t, L } = i18n;
  const { query } = useLocation();
  const { me } = useSession();
  const definitions = useDefinitions();
  // Only the workflows this person may start are offered (the API refuses the others with 403).
  const published = (definitions ?? []).filter((d) => d.status === 'published' && mayStart(me, d.startableBy));
  const [key, setKey] = useState(query.get('key') ?? '');
  const chosen = published.find((d) => d.key === key);
  const detail = useVersion(chosen?.key, chosen?.version);

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/cases">{t('nav.cases')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('case.new')}</h1>
      <div className="field">
        <label htmlFor="new-case-workflow">{t('case.chooseWorkflow')}</label>
        <select id="new-case-workflow" value={key} onChange={(e) => setKey(e.target.value)}>
          <option value="">{t('app.choose')}</option>
          {published.map((d) => (
            <option key={d.key} value={d.key}>
              {L(d.title, d.key)}
            </option>
          ))}
        </select>
      </div>
      {definitions && !published.length ? <p className="notice">{t('case.nothingToStart')}</p> : null}
      {chosen && !detail ? <Loading /> : null}
      {detail ? (
        <StartForm
          key={`${detail.key}@${detail.version}`}
          definitionKey={detail.key}
          version={detail.version}
          schema={detail.source.inputSchema}
          source={detail.source}
          i18n={i18n}
        />
      ) : null}
    </>
  );
}

function StartForm({
  definitionKey,
  version,
  schema,
  source,
  i18n,
}: {
  definitionKey: string;
  version: number;
  schema: Parameters<typeof SchemaForm>[0]['schema'];
  source: DefinitionSource;
  i18n: ReturnType<typeof useI18n>;
}) {
  const { t } = i18n;
  const { me } = useSession();
  const [value, setValue] = useState(() => initialValue(schema));
  const [businessKey, setBusinessKey] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [keyError, setKeyError] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const clientErrors = schema ? validateValue(schema, value, i18n) : {};
  const shown: FieldErrors = { ...serverErrors };
  for (const [p, m] of Object.entries(clientErrors)) if (submitted || touched.has(p)) shown[p] ??= m;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setServerErrors({});
    setKeyError('');
    setError(undefined);
    if (Object.keys(clientErrors).length) return;
    setBusy(true);
    try {
      const created = await api<Instance>('/instances', {
        method: 'POST',
        body: { definitionKey, version, input: prune(value, schema), claimFirstTask: true, ...(businessKey.trim() ? { businessKey: businessKey.trim() } : {}) },
      });
      // The starter who holds the first task has it already (the API assigns it): straight to its form.
      const tasks = await api<{ items: Task[] }>(`/instances/${created.id}/tasks`).catch(() => ({ items: [] as Task[] }));
      const mine = tasks.items.find((x) => x.status === 'open' && x.assignee === me?.username);
      flash(mine ? t('case.startedToTask') : t('case.started'));
      navigate(mine ? `/tasks/${mine.id}` : `/cases/${created.id}`);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.issues.length) setServerErrors(issuesToErrors(err.issues, i18n));
      else if (err instanceof ApiError && (err.code === 'DUPLICATE_BUSINESS_KEY' || err.problems.some((p) => p.field === 'businessKey')))
        setKeyError(err.message);
      else setError(err);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="card" data-testid="start-form">
      <h2>{t('case.input')}</h2>
      <div className={`field${keyError ? ' has-error' : ''}`}>
        <label htmlFor="new-case-key">{t('case.businessKey')}</label>
        <input
          id="new-case-key"
          value={businessKey}
          maxLength={200}
          onChange={(e) => setBusinessKey(e.target.value)}
          aria-invalid={keyError ? true : undefined}
          aria-describedby={keyError ? 'new-case-key-error' : undefined}
        />
        {keyError ? (
          <p className="field-error" id="new-case-key-error">
            {keyError}
          </p>
        ) : null}
      </div>
      <SchemaForm
        schema={schema}
        value={value}
        onChange={setValue}
        errors={shown}
        onBlur={(p) => valueAt(value, p) !== undefined && setTouched((s) => new Set(s).add(p))}
        presentation={source}
      />
      {submitted && Object.keys(shown).length ? (
        <p className="notice error" role="alert">
          {t('form.errors', { n: Object.keys(shown).length })}
        </p>
      ) : null}
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy} data-testid="start-case" onMouseDown={(e) => e.preventDefault()}>
        {busy ? t('case.starting') : t('case.start')}
      </button>
    </form>
  );
}
