// One case, in the order people need it: what is waiting (open tasks — claimable here — deadlines
// and reminders by their labels), what the case is (facts, its data in the definition's words), how
// it got there (the timeline), where it is in the workflow (the diagram, zoomable, steps and events
// without the machine's conditions), its papers and files, its parent and children, and whether its
// history verifies.
import { useState, type CSSProperties, type ReactNode } from 'react';
import { api, apiText, downloadFile } from '../api/client.ts';
import type { DefinitionSource, FileInfo, GeneratedDocument, HistoryRow, Instance, Task, Timer, Verification } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { canAudit, useSession } from '../auth/session.tsx';
import { DataView } from '../components/data-view.tsx';
import { Diagram, diagramLevels } from '../components/Diagram.tsx';
import { ErrorMessage, LiveStatus, Loading } from '../components/feedback.tsx';
import { useRoleName } from '../components/Header.tsx';
import { eventName, statesName } from '../components/history.tsx';
import { PersonName } from '../components/people.tsx';
import { Countdown, DueDate, useNow } from '../components/time.tsx';
import { useDefinitions, useVersion } from '../definitions/catalogue.ts';
import { deadlineLabel, eventOf, leafPaths, stateLabel, tasksOf } from '../definitions/model.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { flash, useFlash } from './flash.ts';
import { isCandidate } from './task/next-task.ts';

async function allHistory(id: string, signal: AbortSignal): Promise<HistoryRow[]> {
  const rows: HistoryRow[] = [];
  let after = 0;
  for (;;) {
    const page = await api<{ items: HistoryRow[]; nextAfterSeq: number | null }>(`/instances/${id}/history`, {
      query: { afterSeq: after, limit: 1000 },
      signal,
    });
    rows.push(...page.items);
    if (!page.nextAfterSeq || page.items.length === 0) return rows;
    after = page.nextAfterSeq;
  }
}

export function CasePage({ id }: { id: string }) {
  const { t, L, dateTime, lang } = useI18n();
  const flashText = useFlash();
  const instance = useLoad((signal) => api<Instance>(`/instances/${id}`, { signal }), [id]);
  const history = useLoad((signal) => allHistory(id, signal), [id]);
  const timers = useLoad((signal) => api<{ items: Timer[] }>(`/instances/${id}/timers`, { signal }).then((r) => r.items), [id]);
  const verify = useLoad((signal) => api<Verification>(`/instances/${id}/history/verify`, { signal }), [id]);
  const files = useLoad((signal) => api<{ items: FileInfo[] }>(`/instances/${id}/files`, { signal }).then((r) => r.items), [id, instance.data?.revision]);
  const documents = useLoad((signal) => api<{ items: GeneratedDocument[] }>(`/instances/${id}/documents`, { signal }).then((r) => r.items), [id, instance.data?.revision]);
  const inst = instance.data;
  const definition = useVersion(inst?.definition.key, inst?.definition.version);
  const source = definition?.source;
  // The collapse control: how many levels of steps the diagram draws (all by default).
  const [depth, setDepth] = useState<number>();
  // People following a case read its steps and events; the conditions written for the machine are the admins' (workflow page).
  const diagram = useLoad(
    (signal) =>
      inst
        ? apiText(`/definitions/${encodeURIComponent(inst.definition.key)}/versions/${inst.definition.version}/diagram`, {
            query: { format: 'mermaid', instance: id, lang, depth, guards: 'described' },
            signal,
          })
        : Promise.resolve(undefined),
    [inst?.id, inst?.revision, lang, depth],
  );

  if (instance.error) return <ErrorMessage error={instance.error} onRetry={instance.reload} />;
  if (!inst) return <Loading />;
  const current = inst.activeStates.map((s) => L(s.label ?? stateLabel(source, s.path), t('case.stepUnnamed'))).join(', ');

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/cases">{t('nav.cases')}</Link>
      </p>
      <h1 tabIndex={-1} data-testid="case-title">
        {source ? L(source.title) : t('case.title')}
        {inst.businessKey ? <span className="business-key"> — {inst.businessKey}</span> : null}
      </h1>
      {inst.summary ? (
        <p className="glance-line" data-testid="case-summary">
          <span className="case-summary">{inst.summary}</span>
        </p>
      ) : null}
      <LiveStatus text={flashText} testId="case-flash" />

      <div className="case-now">
        <OpenTasks inst={inst} source={source} />
        <Deadlines inst={inst} timers={timers.data} source={source} />
      </div>

      <dl className="facts">
        <div>
          <dt>{t('case.status')}</dt>
          <dd data-testid="case-status" data-status={inst.status}>
            {t(`case.status.${inst.status}`)}
          </dd>
        </div>
        <div>
          <dt>{t('case.state')}</dt>
          <dd data-testid="case-state" data-state={leafPaths(inst.state).join(' ')}>
            <strong>{current}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('case.workflow')}</dt>
          <dd data-testid="case-workflow">{t('case.workflowVersion', { title: source ? L(source.title) : '…', v: inst.definition.version })}</dd>
        </div>
        <div>
          <dt>{t('case.startedBy')}</dt>
          <dd>
            <PersonName user={inst.startedBy} />
          </dd>
        </div>
        <div>
          <dt>{t('case.createdAt')}</dt>
          <dd>{dateTime(inst.createdAt)}</dd>
        </div>
        {inst.completedAt ? (
          <div>
            <dt>{t('case.completedAt')}</dt>
            <dd>{dateTime(inst.completedAt)}</dd>
          </div>
        ) : null}
      </dl>
      <VerifyBadge loading={verify.loading && !verify.data} data={verify.data} error={verify.error} />

      <details className="card case-data" data-testid="case-context">
        <summary>{t('case.context')}</summary>
        {source ? <DataView data={inst.context} source={source} testId="case-data" /> : <Loading />}
      </details>
      <Links inst={inst} />

      <Timeline rows={history.data} error={history.error} source={source} />

      <section aria-labelledby="diagram-title" className="case-diagram">
        <h2 id="diagram-title">{t('case.diagram')}</h2>
        <ErrorMessage error={diagram.error} />
        <ZoomableDiagram>
          <Diagram
            text={diagram.data}
            title={`${t('case.diagram')}: ${current}`}
            note={t('case.diagramNote')}
            depth={{ value: depth, levels: diagramLevels(source?.machine), onChange: setDepth }}
          />
        </ZoomableDiagram>
      </section>
      <Documents documents={documents.data} error={documents.error} source={source} />
      <Attachments files={files.data} error={files.error} source={source} changed={verify.data?.files?.filter((f) => !f.ok).map((f) => f.id) ?? []} />
    </>
  );
}

const ZOOMS = [1, 1.5, 2, 3];

/**
 * The diagram at a size one can read: on a phone the whole workflow fits only with tiny text, so
 * it can be enlarged (and scrolled sideways within its box), step by step, and brought back to fit.
 */
function ZoomableDiagram({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [zoom, setZoom] = useState(() => (typeof window !== 'undefined' && window.matchMedia?.('(max-width: 700px)').matches ? 2 : 1));
  const index = ZOOMS.indexOf(zoom);
  return (
    <div className="diagram-zoom" data-zoom={zoom} style={{ '--zoom': zoom } as CSSProperties}>
      <div className="toolbar diagram-zoom-tools" role="group" aria-label={t('diagram.size')}>
        <button type="button" className="secondary small" disabled={index <= 0} onClick={() => setZoom(ZOOMS[index - 1])}>
          <span aria-hidden="true">−</span> {t('diagram.zoomOut')}
        </button>
        <button type="button" className="secondary small" disabled={index >= ZOOMS.length - 1} onClick={() => setZoom(ZOOMS[index + 1])}>
          <span aria-hidden="true">+</span> {t('diagram.zoomIn')}
        </button>
        <button type="button" className="secondary small" disabled={zoom === 1} onClick={() => setZoom(1)}>
          {t('diagram.zoomFit')}
        </button>
        <span className="muted small" aria-live="polite">
          {t('diagram.zoomLevel', { p: Math.round(zoom * 100) })}
        </span>
      </div>
      {children}
    </div>
  );
}

/** The papers the case's steps issued, with their numbers from the register: the DOCX and its PDF rendition (or why there is none). */
function Documents({ documents, error, source }: { documents?: GeneratedDocument[]; error: unknown; source?: DefinitionSource }) {
  const i18n = useI18n();
  const { t, L, dateTime } = i18n;
  const [failed, setFailed] = useState<unknown>();
  if (!error && (!documents || documents.length === 0)) return null;
  const download = (fileId: string, name: string) => downloadFile(`/files/${fileId}/content`, {}, name).then(() => setFailed(undefined), setFailed);
  return (
    <section className="case-files" aria-labelledby="documents-title" data-testid="case-documents">
      <h2 id="documents-title">{t('documents.title')}</h2>
      <ErrorMessage error={error ?? failed} />
      {documents?.length ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('documents.number')}</th>
                <th scope="col">{t('documents.name')}</th>
                <th scope="col">{t('documents.step')}</th>
                <th scope="col">{t('documents.at')}</th>
                <th scope="col">
                  <span className="sr-only">{t('files.download')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => {
                const name = `${L(d.title)} ${d.number.replaceAll('/', '-')}`;
                return (
                  <tr key={d.id} data-document-id={d.id}>
                    <td>
                      <strong>{d.number}</strong>
                    </td>
                    <td>{L(d.title)}</td>
                    <td>
                      <StepOf state={d.state} event={d.event} source={source} />
                    </td>
                    <td>{dateTime(d.issuedAt)}</td>
                    <td className="actions">
                      <button type="button" className="secondary small" onClick={() => download(d.docx.fileId, `${name}.docx`)}>
                        {t('documents.docx')}
                        <span className="sr-only"> {d.number}</span>
                      </button>{' '}
                      {d.pdf ? (
                        <button type="button" className="secondary small" onClick={() => download(d.pdf!.fileId, `${name}.pdf`)}>
                          {t('documents.pdf')}
                          <span className="sr-only"> {d.number}</span>
                        </button>
                      ) : (
                        <span className="muted small" title={d.pdfUnavailable ?? undefined}>
                          {d.pdfStatus === 'pending' ? t('documents.pdfPending') : `${t('documents.pdfNone')}${d.pdfUnavailable ? ` (${d.pdfUnavailable})` : ''}`}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** The step a paper belongs to: its states in the definition's words, and the event that attached or issued it. */
function StepOf({ state, event, source }: { state?: string | null; event?: string | null; source?: DefinitionSource }) {
  const i18n = useI18n();
  // Until the definition has loaded there are no words for the step: never its code meanwhile.
  if (!source && (state || event)) return <span className="muted">…</span>;
  return (
    <>
      {state ? state.split(',').map((p) => i18n.L(stateLabel(source, p), source ? i18n.t('case.stepUnnamed') : p)).join(', ') : ''}
      {event ? <span className="muted small"> · {eventName(source, event, i18n)}</span> : null}
    </>
  );
}

/** The case file: every document its steps attached, with who, when, size and digest, each downloadable. */
function Attachments({ files, error, source, changed }: { files?: FileInfo[]; error: unknown; source?: DefinitionSource; changed: string[] }) {
  const i18n = useI18n();
  const { t, dateTime, bytes } = i18n;
  const [failed, setFailed] = useState<unknown>();
  return (
    <section className="case-files" aria-labelledby="files-title" data-testid="case-files">
      <h2 id="files-title">{t('files.title')}</h2>
      <ErrorMessage error={error ?? failed} />
      {files && files.length === 0 ? <p className="muted">{t('files.empty')}</p> : null}
      {files?.length ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('files.name')}</th>
                <th scope="col">{t('files.step')}</th>
                <th scope="col">{t('files.by')}</th>
                <th scope="col">{t('files.at')}</th>
                <th scope="col">{t('files.size')}</th>
                <th scope="col">{t('files.digest')}</th>
                <th scope="col">
                  <span className="sr-only">{t('files.download')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.id} data-file-id={f.id} className={changed.includes(f.id) ? 'row-broken' : undefined}>
                  <td>
                    {f.name}
                    {changed.includes(f.id) ? <span className="badge badge-broken small"> {t('files.changed')}</span> : null}
                  </td>
                  <td>
                    <StepOf state={f.state} event={f.event} source={source} />
                  </td>
                  <td>
                    <PersonName user={f.uploadedBy} />
                  </td>
                  <td>{f.boundAt ? dateTime(f.boundAt) : dateTime(f.uploadedAt)}</td>
                  <td>{bytes(f.size)}</td>
                  <td>
                    <code title={f.sha256}>{f.sha256.slice(0, 12)}…</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => downloadFile(`/files/${f.id}/content`, {}, f.name).then(() => setFailed(undefined), setFailed)}
                    >
                      {t('files.download')}
                      <span className="sr-only"> {f.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function VerifyBadge({ loading, data, error }: { loading: boolean; data?: Verification; error: unknown }) {
  const { t } = useI18n();
  if (error) return <ErrorMessage error={error} />;
  if (loading || !data) return <p className="badge badge-pending">{t('case.verify.checking')}</p>;
  // The badge says how far the global ledger vouches for the case, as the API does (sealedRows).
  const sealed = data.sealedRows ?? 0;
  const seal =
    sealed >= data.rows ? t('case.verify.sealedAll', { n: data.rows }) : sealed > 0 ? t('case.verify.sealedPart', { sealed, rest: data.rows - sealed }) : t('case.verify.sealedNone');
  return data.ok ? (
    <p className="badge badge-ok" data-testid="verify-badge" data-verified="true" data-sealed-rows={sealed}>
      <span aria-hidden="true">✔ </span>
      {t('case.verify.ok', { n: data.rows })} {seal}
    </p>
  ) : (
    <p className="badge badge-broken" data-testid="verify-badge" data-verified="false" role="alert">
      <span aria-hidden="true">✖ </span>
      {t('case.verify.broken', { seq: data.broken?.seq ?? '?', reason: data.broken?.reason ?? '' })}
    </p>
  );
}

function Timeline({ rows, error, source }: { rows?: HistoryRow[]; error: unknown; source?: DefinitionSource }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const roleName = useRoleName();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('case.timeline')}</h2>
      <ErrorMessage error={error} />
      {!rows && !error ? <Loading /> : null}
      {rows && !rows.length ? <p className="muted">{t('case.timelineEmpty')}</p> : null}
      {rows?.length ? (
        <ol className="timeline" data-testid="timeline">
          {rows.map((row) => (
            <li key={row.seq} className="timeline-item" data-seq={row.seq} data-event={row.event.type}>
              <div className="timeline-head">
                <span className="seq" aria-hidden="true">
                  #{row.seq}
                </span>
                <strong className="event-name">{eventName(source, row.event.type, i18n)}</strong>
                <time dateTime={row.at}>{dateTime(row.at)}</time>
              </div>
              <dl className="timeline-facts">
                <div>
                  <dt>{t('case.actor')}</dt>
                  <dd>
                    <PersonName user={row.actor.id} />
                    {row.actor.roles.length && row.actor.id !== 'system' ? <span className="muted"> ({row.actor.roles.map(roleName).join(', ')})</span> : null}
                  </dd>
                </div>
                {row.seq > 1 ? (
                  <div>
                    <dt>{t('case.from')}</dt>
                    <dd>{statesName(source, row.from, i18n)}</dd>
                  </div>
                ) : null}
                <div>
                  <dt>{t('case.to')}</dt>
                  <dd>{statesName(source, row.to, i18n)}</dd>
                </div>
                {row.comment ? (
                  <div>
                    <dt>{t('case.comment')}</dt>
                    <dd className="comment">{row.comment}</dd>
                  </div>
                ) : null}
              </dl>
              {row.event.payload && Object.keys(row.event.payload).length ? (
                <details>
                  <summary>{t('case.payload')}</summary>
                  <DataView data={row.event.payload} source={source} schema={row.seq === 1 ? source?.inputSchema : eventOf(source, row.event.type)?.schema} />
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/**
 * What is waiting on the case: each open task with who holds it and its due date; the ones this
 * person may open are links, and one they may take has its claim button right here.
 */
function OpenTasks({ inst, source }: { inst: Instance; source?: DefinitionSource }) {
  const { t, L } = useI18n();
  const { me } = useSession();
  const roleName = useRoleName();
  const now = useNow(30_000);
  const [error, setError] = useState<unknown>();
  const tasks = useLoad(
    (signal) => (inst.status === 'active' ? api<{ items: Task[] }>(`/instances/${inst.id}/tasks`, { signal }).then((r) => r.items) : Promise.resolve([] as Task[])),
    [inst.id, inst.revision, me?.username],
  );
  const open = (tasks.data ?? []).filter((x) => x.status === 'open');
  // Until the tasks arrive (or if they cannot), the steps' declared tasks say what is waiting.
  const declared = inst.status === 'active' && !tasks.data ? tasksOf(source, leafPaths(inst.state)) : [];
  const mayOpen = (task: Task) => canAudit(me) || task.assignee === me?.username || isCandidate(me, task);
  const claim = async (task: Task) => {
    setError(undefined);
    try {
      await api(`/tasks/${task.id}/claim`, { method: 'POST' });
      flash(t('inbox.claimed', { title: L(task.title) }));
      navigate(`/tasks/${task.id}`);
    } catch (e) {
      setError(e);
      tasks.reload();
    }
  };
  return (
    <section className="card open-tasks" aria-labelledby="open-tasks-title">
      <h2 id="open-tasks-title">{t('case.openTasks')}</h2>
      <ErrorMessage error={error ?? tasks.error} />
      {(tasks.data || inst.status !== 'active') && open.length === 0 ? <p className="muted">{t('case.noOpenTasks')}</p> : null}
      <ul className="plain tasks" data-testid="open-tasks">
        {open.map((task) => (
          <li key={task.id} data-task-id={task.id} data-state={task.state}>
            {mayOpen(task) ? (
              <Link to={`/tasks/${task.id}`} className="task-title">
                {L(task.title)}
              </Link>
            ) : (
              <strong>{L(task.title)}</strong>
            )}
            <div className="small">
              {task.assignee ? (
                <>
                  {t('task.assignee')}: <PersonName user={task.assignee} />
                </>
              ) : (
                <span className="muted">{t('case.taskFor', { roles: task.candidateRoles.map(roleName).join(', ') })}</span>
              )}
            </div>
            <div className="small">
              <DueDate dueAt={task.dueAt} now={now} compact />
            </div>
            {task.assignee === null && isCandidate(me, task) ? (
              <button type="button" className="small" onClick={() => claim(task)} data-testid="case-claim">
                {t('task.claim')}
                <span className="sr-only">: {L(task.title)}</span>
              </button>
            ) : null}
          </li>
        ))}
        {declared.map(({ state, task }) => (
          <li key={state}>
            <strong>{L(task.title)}</strong>
            <div className="muted small">{t('case.taskFor', { roles: (task.roles ?? []).map(roleName).join(', ') })}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Deadlines({ inst, timers, source }: { inst: Instance; timers?: Timer[]; source?: DefinitionSource }) {
  const { t, L, dateTime } = useI18n();
  const now = useNow();
  const running = inst.deadlines;
  const pending = (timers ?? []).filter((x) => x.status === 'pending');
  const past = (timers ?? []).filter((x) => x.status !== 'pending');
  // A timer names its deadline by key: its label from the running deadline, else from the step that declares it.
  const labelOf = (key: string) => L(running.find((d) => d.key === key)?.label ?? deadlineLabel(source, key), t('case.deadline'));
  return (
    <section className="card" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">{t('case.deadlines')}</h2>
      {running.length === 0 && pending.length === 0 ? <p className="muted">{t('case.noDeadlines')}</p> : null}
      <ul className="plain deadlines">
        {running.map((d) => (
          <li key={d.key} data-deadline={d.key}>
            <strong>{labelOf(d.key)}</strong>
            <div>
              {d.passed ? (
                <span className="due due-overdue">
                  {t('case.passed')}: {dateTime(d.dueAt)}
                </span>
              ) : (
                <DueDate dueAt={d.dueAt} now={now} />
              )}
            </div>
          </li>
        ))}
        {pending
          .filter((x) => x.kind === 'reminder')
          .map((x) => (
            <li key={x.id} data-reminder={x.deadlineKey}>
              {t('case.reminderOf', { label: labelOf(x.deadlineKey) })}: <time dateTime={x.fireAt}>{dateTime(x.fireAt)}</time> · <Countdown to={x.fireAt} now={now} />
            </li>
          ))}
      </ul>
      {past.length ? (
        <details>
          <summary>{t('case.pastTimers', { n: past.length })}</summary>
          <ul className="plain small">
            {past.map((x) => (
              <li key={x.id}>
                {t(x.kind === 'deadline' ? 'case.deadlineOf' : 'case.reminderOf', { label: labelOf(x.deadlineKey) })}: {dateTime(x.fireAt)} — {t(`case.timer.${x.status}`)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function Links({ inst }: { inst: Instance }) {
  const { t, L } = useI18n();
  const definitions = useDefinitions();
  const titles = new Map((definitions ?? []).map((d) => [d.key, d.title]));
  const children = inst.children ?? [];
  if (!inst.parent && !children.length) return null;
  return (
    <section className="card" aria-labelledby="links-title">
      <h2 id="links-title">{t('case.links')}</h2>
      {inst.parent ? (
        <p>
          {t('case.parent')}:{' '}
          <Link to={`/cases/${inst.parent.id}`} data-testid="parent-link">
            {inst.parent.key}
          </Link>
        </p>
      ) : null}
      {children.length ? (
        <>
          <h3>{t('case.children')}</h3>
          <ul className="plain" data-testid="children">
            {children.map((c) => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`}>
                  {L(titles.get(c.definition.key), c.definition.key)} — {c.key}
                </Link>{' '}
                <span className="muted small">
                  {t(`case.status.${c.status}`)}
                  {c.activeStates.length ? ` · ${c.activeStates.map((s) => L(s.label, t('case.stepUnnamed'))).join(', ')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
