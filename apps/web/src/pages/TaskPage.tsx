// One task: the case it is about at a glance (business key, summary and the case data in the
// definition's words), what the task is (TaskFacts), claim / give back, the decision
// (task/DecisionForm.tsx), delegation (task/DelegateForm.tsx) and the task's activity with comments
// (task/TaskActivity.tsx). Claiming puts the focus in the form; a decision taken leads to the case's
// next task for this person, or to the inbox.
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { DefinitionSource, Instance, Task, TaskDetail } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { useSession } from '../auth/session.tsx';
import { CaseGlance } from '../components/case-glance.tsx';
import { DataView } from '../components/data-view.tsx';
import { ErrorMessage, LiveStatus, Loading } from '../components/feedback.tsx';
import { useRoleName } from '../components/Header.tsx';
import { PersonName } from '../components/people.tsx';
import { DueDate, useNow } from '../components/time.tsx';
import { useVersion } from '../definitions/catalogue.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { flash, useFlash } from './flash.ts';
import { DecisionForm } from './task/DecisionForm.tsx';
import { DelegateForm } from './task/DelegateForm.tsx';
import { nextTask } from './task/next-task.ts';
import { TaskActivity } from './task/TaskActivity.tsx';

export function TaskPage({ id }: { id: string }) {
  const { t, L } = useI18n();
  const { me } = useSession();
  const task = useLoad((signal) => api<TaskDetail>(`/tasks/${id}`, { signal }), [id]);
  const instance = useLoad(
    (signal) => (task.data ? api<Instance>(`/instances/${task.data.instanceId}`, { signal }) : Promise.resolve(undefined)),
    [task.data?.instanceId, task.data?.status],
  );
  const definition = useVersion(instance.data?.definition.key, instance.data?.definition.version);
  const flashed = useFlash();
  const [status, setStatus] = useState(flashed);
  const [error, setError] = useState<unknown>();
  const [claimed, setClaimed] = useState(false);

  if (task.error) return <ErrorMessage error={task.error} onRetry={task.reload} />;
  if (!task.data) return <Loading />;
  const data = task.data;
  const mine = data.assignee === me?.username;
  const open = data.status === 'open';

  const act = async (action: 'claim' | 'unclaim') => {
    setError(undefined);
    try {
      await api(`/tasks/${id}/${action}`, { method: 'POST' });
      setStatus(t(action === 'claim' ? 'inbox.claimed' : 'inbox.unclaimed', { title: L(data.title) }));
      setClaimed(action === 'claim');
    } catch (e) {
      setError(e);
    }
    task.reload();
  };

  /** After the decision: the case's next task that is mine or that I may take, else the inbox; a message says what was done. */
  const done = async () => {
    let next: Task | undefined;
    try {
      next = nextTask((await api<{ items: Task[] }>(`/instances/${data.instanceId}/tasks`)).items, me, data.id);
    } catch {
      next = undefined;
    }
    if (next) {
      flash(t('task.completedNext', { title: L(data.title), next: L(next.title) }));
      navigate(`/tasks/${next.id}`);
    } else {
      flash(t('task.completed', { title: L(data.title) }));
      navigate('/inbox');
    }
  };

  const businessKey = data.businessKey ?? instance.data?.businessKey;
  const summary = data.summary ?? instance.data?.summary;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/inbox">{t('nav.inbox')}</Link>
      </p>
      <h1 tabIndex={-1} data-testid="task-title">
        {L(data.title)}
      </h1>
      <p className="glance-line">
        <CaseGlance businessKey={businessKey} summary={summary} testId="task-case" />
      </p>

      <LiveStatus text={status} testId="task-status-message" />
      <ErrorMessage error={error} />

      {open ? <ClaimButtons claimable={data.assignee === null} mine={mine} onAct={act} /> : <p className="notice info">{t('task.closed')}</p>}
      {open && !mine ? (
        <p className="notice info">
          {data.assignee ? (
            <>
              {t('task.assignedToPrefix')} <PersonName user={data.assignee} />
            </>
          ) : (
            t('task.notMine')
          )}
        </p>
      ) : null}

      <TaskFacts task={data} instance={instance.data} definitionTitle={definition ? L(definition.source.title) : undefined} />
      <CaseData instance={instance.data} source={definition?.source} error={instance.error} />

      {open && mine && definition ? <DecisionForm task={data} source={definition.source} onDone={done} autoFocus={claimed} /> : null}

      {open && mine ? (
        <DelegateForm
          taskId={id}
          onDone={(user) => {
            setStatus(t('task.delegated', { user }));
            task.reload();
          }}
        />
      ) : null}

      <TaskActivity task={data} onCommented={task.reload} />
    </>
  );
}

/** The case data the decision is taken on, in the definition's words (hidden fields left out). */
function CaseData({ instance, source, error }: { instance?: Instance; source?: DefinitionSource; error: unknown }) {
  const { t } = useI18n();
  return (
    <section className="card case-data" aria-labelledby="task-case-data-title">
      <h2 id="task-case-data-title">{t('task.caseData')}</h2>
      <ErrorMessage error={error} />
      {instance && source ? <DataView data={instance.context} source={source} testId="task-case-data" /> : error ? null : <Loading />}
    </section>
  );
}

/** What the task is: its case, status, due date, priority, candidates, assignee. */
function TaskFacts({ task, instance, definitionTitle }: { task: TaskDetail; instance?: Instance; definitionTitle?: string }) {
  const { t, dateTime } = useI18n();
  const now = useNow();
  const roleName = useRoleName();
  const open = task.status === 'open';
  const businessKey = task.businessKey ?? instance?.businessKey;
  return (
    <dl className="facts">
      <div>
        <dt>{t('task.case')}</dt>
        <dd>
          <Link to={`/cases/${task.instanceId}`} data-testid="case-link">
            {definitionTitle ?? t('app.loading')}
            {businessKey ? ` — ${businessKey}` : ''}
          </Link>
        </dd>
      </div>
      <div>
        <dt>{t('task.status')}</dt>
        <dd data-testid="task-status">{t(`task.status.${task.status}`)}</dd>
      </div>
      <div>
        <dt>{t('task.due')}</dt>
        <dd>
          <DueDate dueAt={open ? task.dueAt : null} now={now} />
        </dd>
      </div>
      <div>
        <dt>{t('inbox.col.priority')}</dt>
        <dd>
          <span className={`priority priority-${task.priority}`}>{t(`priority.${task.priority}`)}</span>
        </dd>
      </div>
      <div>
        <dt>{t('task.candidates')}</dt>
        <dd>{task.candidateRoles.map(roleName).join(', ')}</dd>
      </div>
      <div>
        <dt>{t('task.assignee')}</dt>
        <dd data-testid="task-assignee" data-user={task.assignee ?? ''}>
          {task.assignee ? <PersonName user={task.assignee} /> : t('inbox.unassigned')}
        </dd>
      </div>
      <div>
        <dt>{t('task.createdAt')}</dt>
        <dd>{dateTime(task.createdAt)}</dd>
      </div>
    </dl>
  );
}

/** Claim (nobody has it) and give back (mine). */
function ClaimButtons({ claimable, mine, onAct }: { claimable: boolean; mine: boolean; onAct(action: 'claim' | 'unclaim'): void }) {
  const { t } = useI18n();
  return (
    <div className="actions-row">
      {claimable ? (
        <button type="button" onClick={() => onAct('claim')} data-testid="claim">
          {t('task.claim')}
        </button>
      ) : null}
      {mine ? (
        <button type="button" className="secondary" onClick={() => onAct('unclaim')}>
          {t('task.unclaim')}
        </button>
      ) : null}
    </div>
  );
}
