// The approvers' inbox: buckets with counts, a search and filters (kept in the address), each task
// with its case at a glance (business key and summary), due dates by urgency, claim and give back
// in place; it refreshes itself when the live stream says the inbox changed.
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { InboxPage as Inbox, Priority, Task } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { useSession } from '../auth/session.tsx';
import { CaseGlance } from '../components/case-glance.tsx';
import { ErrorMessage, LiveStatus, Loading } from '../components/feedback.tsx';
import { PersonName } from '../components/people.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { DueDate, useNow } from '../components/time.tsx';
import { useDefinitions } from '../definitions/catalogue.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLiveEvent } from '../live/live.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { WorkflowSelect } from '../components/WorkflowSelect.tsx';
import { useFlash } from './flash.ts';

const PRIORITIES: Priority[] = ['urgent', 'high', 'normal', 'low'];
type Bucket = 'mine' | 'claimable' | 'all';

export function InboxPage() {
  const { t, L } = useI18n();
  const { me } = useSession();
  const { query } = useLocation();
  const now = useNow(30_000);
  const definitions = useDefinitions();
  const bucket = (['mine', 'claimable', 'all'].includes(query.get('bucket') ?? '') ? query.get('bucket') : 'all') as Bucket;
  const filters = {
    bucket,
    definitionKey: query.get('definitionKey') ?? '',
    priority: query.get('priority') ?? '',
    unit: query.get('unit') ?? '',
    overdue: query.get('overdue') === 'true',
    soon: query.get('soon') === 'true',
    q: query.get('q') ?? '',
  };
  const key = JSON.stringify(filters);
  const apiQuery = {
    bucket: filters.bucket,
    definitionKey: filters.definitionKey,
    priority: filters.priority,
    unit: filters.unit,
    overdue: filters.overdue ? 'true' : undefined,
    dueWithinDays: filters.soon ? 3 : undefined,
    q: filters.q.trim().length >= 2 ? filters.q.trim() : undefined,
    limit: 25,
  };
  const page = useLoad((signal) => api<Inbox>('/tasks', { query: apiQuery, signal }), [key]);
  // A task of mine (or one I may take) opened, was claimed, delegated or closed somewhere: refetch.
  useLiveEvent('inbox', page.reload);
  const [more, setMore] = useState<{ items: Task[]; cursor: string | null }>({ items: [], cursor: null });
  const flashed = useFlash();
  const [status, setStatus] = useState(flashed);
  const [actionError, setActionError] = useState<unknown>();
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => setMore({ items: [], cursor: null }), [key, page.data]);

  const set = (change: Partial<typeof filters>) => {
    const next = { ...filters, ...change };
    navigate(
      withQuery('/inbox', {
        bucket: next.bucket === 'all' ? undefined : next.bucket,
        definitionKey: next.definitionKey,
        priority: next.priority,
        unit: next.unit,
        overdue: next.overdue,
        soon: next.soon,
        q: next.q,
      }),
      { replace: true },
    );
  };

  const titles = new Map((definitions ?? []).map((d) => [d.key, d.title]));
  const items = [...(page.data?.items ?? []), ...more.items];
  const cursor = more.cursor ?? page.data?.nextCursor ?? null;
  const counts = page.data?.counts;

  const act = async (task: Task, action: 'claim' | 'unclaim') => {
    setBusy(task.id);
    setActionError(undefined);
    try {
      await api(`/tasks/${task.id}/${action}`, { method: 'POST' });
      setStatus(t(action === 'claim' ? 'inbox.claimed' : 'inbox.unclaimed', { title: L(task.title) }));
      page.reload();
    } catch (error) {
      setActionError(error);
      page.reload();
    } finally {
      setBusy(null);
    }
  };

  const loadMore = async () => {
    if (!cursor) return;
    const next = await api<Inbox>('/tasks', { query: { ...apiQuery, cursor } });
    setMore({ items: [...more.items, ...next.items], cursor: next.nextCursor ?? '' });
  };

  const bucketButton = (b: Bucket, label: string, count?: number) => (
    <button type="button" className={`tab${bucket === b ? ' active' : ''}`} aria-pressed={bucket === b} onClick={() => set({ bucket: b })} data-bucket={b}>
      {label}
      {count !== undefined ? <span className="count">{count}</span> : null}
    </button>
  );

  return (
    <>
      <h1 tabIndex={-1}>{t('inbox.title')}</h1>
      <div className="toolbar" role="group" aria-label={t('inbox.buckets')}>
        {bucketButton('mine', t('inbox.bucket.mine'), counts?.mine)}
        {bucketButton('claimable', t('inbox.bucket.claimable'), counts?.claimable)}
        {bucketButton('all', t('inbox.bucket.all'))}
        <span className="toolbar-sep" aria-hidden="true" />
        <button
          type="button"
          className={`tab tab-overdue${filters.overdue ? ' active' : ''}`}
          aria-pressed={filters.overdue}
          onClick={() => set({ overdue: !filters.overdue, soon: false })}
          data-bucket="overdue"
        >
          {t('inbox.quick.overdue')}
          {counts ? <span className="count">{counts.overdue}</span> : null}
        </button>
        <button
          type="button"
          className={`tab tab-soon${filters.soon ? ' active' : ''}`}
          aria-pressed={filters.soon}
          onClick={() => set({ soon: !filters.soon, overdue: false })}
          data-bucket="dueSoon"
        >
          {t('inbox.quick.dueSoon')}
          {counts ? <span className="count">{counts.dueSoon}</span> : null}
        </button>
      </div>

      <SearchBox label={t('search.inbox')} hint={t('search.hint')} value={filters.q} onSearch={(q) => set({ q })} testId="inbox-search" />

      <details className="filters" open={!!(filters.definitionKey || filters.priority || filters.unit)}>
        <summary>{t('inbox.filters')}</summary>
        <div className="filter-grid">
          <WorkflowSelect id="inbox-workflow" label={t('inbox.filter.workflow')} value={filters.definitionKey} onChange={(definitionKey) => set({ definitionKey })} />
          <div className="field">
            <label htmlFor="inbox-priority">{t('inbox.filter.priority')}</label>
            <select id="inbox-priority" value={filters.priority} onChange={(e) => set({ priority: e.target.value })}>
              <option value="">{t('app.all')}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="inbox-unit">{t('inbox.filter.unit')}</label>
            <select id="inbox-unit" value={filters.unit} onChange={(e) => set({ unit: e.target.value })}>
              <option value="">{t('app.all')}</option>
              {(me?.units ?? []).map((u) => (
                <option key={u.key} value={u.key}>
                  {L(u.name, u.key)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="secondary" onClick={() => navigate('/inbox', { replace: true })}>
            {t('app.reset')}
          </button>
        </div>
      </details>

      <LiveStatus text={status} testId="inbox-status" />
      <ErrorMessage error={actionError} />
      <ErrorMessage error={page.error} onRetry={page.reload} />
      {page.loading && !page.data ? <Loading /> : null}
      {page.data && items.length === 0 ? <p className="empty">{filters.q ? t('search.none', { q: filters.q }) : t('inbox.empty')}</p> : null}
      {items.length ? (
        <table className="data-table inbox-table" data-testid="inbox-table">
          <caption className="sr-only">{t('inbox.results', { n: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inbox.col.task')}</th>
              <th scope="col">{t('inbox.col.case')}</th>
              <th scope="col">{t('inbox.col.workflow')}</th>
              <th scope="col">{t('inbox.col.due')}</th>
              <th scope="col">{t('inbox.col.priority')}</th>
              <th scope="col">{t('inbox.col.assignee')}</th>
              <th scope="col">{t('inbox.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((task) => (
              <tr key={task.id} data-task-id={task.id} className={task.overdue ? 'row-overdue' : undefined}>
                <td data-label={t('inbox.col.task')}>
                  <Link to={`/tasks/${task.id}`} className="task-title">
                    {L(task.title)}
                  </Link>
                </td>
                <td data-label={t('inbox.col.case')} className="case-cell">
                  <CaseGlance businessKey={task.businessKey} summary={task.summary} testId="inbox-case" />
                </td>
                <td data-label={t('inbox.col.workflow')}>{L(titles.get(task.definitionKey), task.definitionKey)}</td>
                <td data-label={t('inbox.col.due')}>
                  <DueDate dueAt={task.dueAt} now={now} compact />
                </td>
                <td data-label={t('inbox.col.priority')}>
                  <span className={`priority priority-${task.priority}`}>{t(`priority.${task.priority}`)}</span>
                </td>
                <td data-label={t('inbox.col.assignee')} data-user={task.assignee ?? ''}>
                  {task.assignee ? <PersonName user={task.assignee} /> : <span className="muted">{t('inbox.unassigned')}</span>}
                </td>
                <td data-label={t('inbox.col.actions')} className="actions">
                  {task.assignee === null ? (
                    <button type="button" className="small" disabled={busy === task.id} onClick={() => act(task, 'claim')}>
                      {t('task.claim')}
                      <span className="sr-only">
                        : {L(task.title)}
                        {task.businessKey ? ` — ${task.businessKey}` : ''}
                      </span>
                    </button>
                  ) : null}
                  {task.assignee === me?.username ? (
                    <button type="button" className="secondary small" disabled={busy === task.id} onClick={() => act(task, 'unclaim')}>
                      {t('task.unclaim')}
                      <span className="sr-only">
                        : {L(task.title)}
                        {task.businessKey ? ` — ${task.businessKey}` : ''}
                      </span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {cursor ? (
        <button type="button" className="secondary" onClick={loadMore}>
          {t('app.more')}
        </button>
      ) : null}
    </>
  );
}
