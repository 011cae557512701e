// Paths through a version (GET …/paths): coverage with why a step was never reached, dead ends,
// each path with a dry run of it (POST …/dry-run) given the start input (the generated start form
// or JSON) and the role taking each step; the dry run shows the tasks opened with their candidates,
// due dates on the working calendar, reminders, escalations and notifications.
import { useEffect, useId, useState } from 'react';
import { api } from '../api/client.ts';
import type { DefinitionSource, DryRunResult, PathReport, PathStep } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/feedback.tsx';
import { eventName } from '../components/history.tsx';
import { eventOf, stateLabel } from '../definitions/model.ts';
import { initialValue, prune, SchemaForm } from '../form/SchemaForm.tsx';
import { kindOf } from '../form/schema.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';

type Reason = PathReport['stateCoverage']['reasons'][number];
type Path = PathReport['paths'][number];

export function Simulation({ defKey, version, source }: { defKey: string; version: number; source?: DefinitionSource }) {
  const i18n = useI18n();
  const { t, L } = i18n;
  const [report, setReport] = useState<PathReport>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const base = `/definitions/${encodeURIComponent(defKey)}/versions/${version}`;
  const states = (paths: string[]) => paths.map((p) => L(stateLabel(source, p), p)).join(', ');
  const percent = (r: number) => `${Math.round(r * 100)}%`;

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await api<PathReport>(`${base}/paths`));
      setOpen(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sim-title" className="card">
      <h2 id="sim-title">{t('wf.simulation')}</h2>
      <button type="button" className="secondary" onClick={run} disabled={busy} data-testid="simulate">
        {t('wf.simulate')}
      </button>
      {busy ? <Loading /> : null}
      <ErrorMessage error={error} />
      {report ? (
        <div className="simulation" data-testid="simulation">
          <p>
            {t('wf.stateCoverage', { p: percent(report.stateCoverage.ratio) })} · {t('wf.transitionCoverage', { p: percent(report.transitionCoverage.ratio) })}
          </p>
          {report.stateCoverage.uncovered.length ? (
            <>
              <p>
                {t('wf.uncovered')}: {states(report.stateCoverage.uncovered)}
              </p>
              <h3>{t('wf.reasons')}</h3>
              <ul className="reasons" data-testid="uncovered-reasons">
                {report.stateCoverage.reasons.map((r) => (
                  <li key={r.item} data-code={r.code} title={r.reason}>
                    <strong>{L(stateLabel(source, r.item), r.item)}</strong>: {reasonText(r, source, i18n)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {report.transitionCoverage.uncovered.length ? (
            <details>
              <summary>{t('wf.untaken', { n: report.transitionCoverage.uncovered.length })}</summary>
              <ul className="reasons">
                {report.transitionCoverage.reasons.map((r) => (
                  <li key={r.item} data-code={r.code} title={r.reason}>
                    <code>{r.item}</code>: {reasonText(r, source, i18n)}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <h3>{t('wf.deadEnds')}</h3>
          {report.deadEnds.length ? (
            <ul>
              {report.deadEnds.map((d, i) => (
                <li key={i}>{states(d.state)}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('wf.noDeadEnds')}</p>
          )}
          <h3>{t('wf.paths', { n: report.paths.length })}</h3>
          <ol className="paths">
            {report.paths.slice(0, 50).map((p, i) => (
              <li key={i}>
                <span>{p.steps.map((s) => eventName(source, s.event, i18n)).join(' → ') || '—'}</span>{' '}
                <span className="muted small">
                  ({t('wf.pathEnd', { states: states(p.end) })}
                  {p.done ? `, ${t('wf.pathDone')}` : ''})
                </span>{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-expanded={open === i}
                  onClick={() => setOpen(open === i ? null : i)}
                  data-testid="dry-run-open"
                >
                  {t('wf.dryRun')}
                </button>
                {open === i ? <DryRunPanel base={base} source={source} path={p} input={p.input ?? report.input ?? {}} /> : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}

/** Why a state or transition was never reached, in the page's language (the English sentence is its title). */
function reasonText(r: Reason, source: DefinitionSource | undefined, i18n: Pick<I18n, 't' | 'L'>): string {
  const key = `wf.reason.${r.code}` as MessageKey;
  const text = i18n.t(key, {
    guard: r.guard ?? '',
    event: r.event
      ? r.event
          .split(', ')
          .map((e) => eventName(source, e, i18n))
          .join(', ')
      : '',
    issue: r.issue ? `${r.issue.path} ${r.issue.message}` : '',
    via: r.via ?? '',
  });
  return text === key ? r.reason : text.replace(/ \(\)/g, '');
}

type Choice = string; // 'caller' | 'path' | 'role:<r>'

/** What each step is taken as by default: as in the path, else the first candidate role of the task it answers, else the caller (the system for deadlines). */
function defaultChoice(s: PathStep): Choice {
  if (s.as) return 'path';
  if (s.by?.roles[0]) return `role:${s.by.roles[0]}`;
  return 'caller';
}

function DryRunPanel({ base, source, path, input }: { base: string; source?: DefinitionSource; path: Path; input: Record<string, unknown> }) {
  const i18n = useI18n();
  const { t, L } = i18n;
  const id = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const schema = source?.inputSchema;
  const hasForm = !!schema && kindOf(schema) === 'object' && !!schema.properties && Object.keys(schema.properties).length > 0;
  const [mode, setMode] = useState<'form' | 'json'>(hasForm ? 'form' : 'json');
  const [value, setValue] = useState<Record<string, unknown>>(() => ({ ...initialValue(schema), ...input }));
  const [json, setJson] = useState(() => JSON.stringify(input, null, 2));
  const [choices, setChoices] = useState<Choice[]>(() => path.steps.map(defaultChoice));
  const [result, setResult] = useState<DryRunResult[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const roles = Object.keys(source?.roles ?? {});
  const roleName = (r: string) => L(source?.roles?.[r], r);
  const who = (rs: string[], units: string[]) =>
    rs.length ? (units.length ? t('wf.inUnits', { roles: rs.map(roleName).join(', '), units: units.join(', ') }) : rs.map(roleName).join(', ')) : '—';
  const states = (paths: string[]) => paths.map((p) => L(stateLabel(source, p), p)).join(', ');
  const day = (iso: string | null | undefined, date?: string | null) => (date ? i18n.date(date) : i18n.dateTime(iso));

  const asOf = (s: PathStep, choice: Choice) => {
    if (choice === 'path' && s.as) return { roles: s.as.roles, units: s.as.units, ...(s.actorId ? { id: s.actorId } : {}) };
    if (choice.startsWith('role:')) {
      const role = choice.slice(5);
      const units = s.by?.roles.includes(role) ? s.by.units : [];
      return { roles: [role], ...(units.length ? { units } : {}), ...(s.actorId ? { id: s.actorId } : {}) };
    }
    return undefined;
  };

  const go = async () => {
    setError(undefined);
    let startInput: Record<string, unknown>;
    if (mode === 'json') {
      try {
        const parsed = JSON.parse(json || '{}') as unknown;
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error();
        startInput = parsed as Record<string, unknown>;
      } catch {
        setError(new Error(t('wf.dryRunInvalidJson')));
        return;
      }
    } else {
      startInput = prune(value, schema) as Record<string, unknown>;
    }
    setBusy(true);
    try {
      const steps = path.steps.map((s, i) => {
        const as = asOf(s, choices[i]);
        return { type: s.event, ...(s.payload ? { payload: s.payload } : {}), ...(as ? { as } : {}) };
      });
      const r = await api<{ steps: DryRunResult[] }>(`${base}/dry-run`, { method: 'POST', body: { input: startInput, steps } });
      setResult(r.steps);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // Opening the dry run of a path runs it at once: the path's start input, each step as its default role.
  useEffect(() => {
    void go();
  }, []);

  const switchMode = (next: 'form' | 'json') => {
    if (next === 'json') setJson(JSON.stringify(prune(value, schema) ?? {}, null, 2));
    else {
      try {
        setValue({ ...initialValue(schema), ...(JSON.parse(json || '{}') as Record<string, unknown>) });
      } catch {
        // Keep the form as it was.
      }
    }
    setMode(next);
  };

  return (
    <div className="dry-run card" data-testid="dry-run">
      <fieldset>
        <legend>{t('wf.dryRunInput')}</legend>
        {hasForm ? (
          <div className="field">
            <label htmlFor={`${id}-mode`}>{t('wf.dryRunInputMode')}</label>
            <select id={`${id}-mode`} value={mode} onChange={(e) => switchMode(e.target.value as 'form' | 'json')}>
              <option value="form">{t('wf.dryRunForm')}</option>
              <option value="json">JSON</option>
            </select>
          </div>
        ) : null}
        {mode === 'form' ? (
          <SchemaForm schema={schema} value={value} onChange={setValue} errors={{}} />
        ) : (
          <div className="field">
            <label htmlFor={`${id}-json`}>{t('wf.dryRunInputJson')}</label>
            <textarea id={`${id}-json`} rows={5} value={json} onChange={(e) => setJson(e.target.value)} spellCheck={false} data-testid="dry-run-input" />
          </div>
        )}
      </fieldset>
      <ol className="dry-run-steps">
        {path.steps.map((s, i) => {
          const kind = eventOf(source, s.event)?.kind;
          return (
            <li key={i} className="field">
              <label htmlFor={`${id}-as-${i}`}>
                {t('wf.dryRunRole', { n: i + 1 })}: {eventName(source, s.event, i18n)}
              </label>
              <select
                id={`${id}-as-${i}`}
                value={choices[i]}
                onChange={(e) => setChoices((c) => c.map((x, j) => (j === i ? e.target.value : x)))}
                data-testid={`dry-run-as-${i}`}
              >
                <option value="caller">{kind === 'timer' || s.event === 'child.done' ? t('wf.dryRunAsSystem') : t('wf.dryRunAsCaller')}</option>
                {s.as ? <option value="path">{t('wf.dryRunAsPath', { roles: s.as.roles.map(roleName).join(', ') })}</option> : null}
                {roles.map((r) => (
                  <option key={r} value={`role:${r}`}>
                    {roleName(r)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={go} disabled={busy} data-testid="dry-run-go">
        {t('wf.dryRunGo')}
      </button>
      {busy ? <Loading /> : null}
      <ErrorMessage error={error} />
      {result ? (
        <ol className="dry-run-result" data-testid="dry-run-result" aria-label={t('wf.dryRunResult')}>
          {result.map((s, j) => (
            <li key={j} className={s.ok ? '' : 'refused'} data-ok={s.ok ? 'true' : 'false'}>
              <strong>{eventName(source, s.event, i18n)}</strong> ({i18n.dateTime(s.at)}, {t('wf.dryRunActor', { who: s.actor.user ?? who(s.actor.roles, []) })}
              ): {s.ok ? t('wf.accepted') : `${t('wf.refused')} — ${s.error?.message ?? ''}`} → {states(s.activeStates)}
              {s.firesDeadline ? <span className="muted small"> · {t('wf.dryRunFired', { key: s.firesDeadline })}</span> : null}
              <ul>
                {s.tasks.opened.map((task) => (
                  <li key={`task-${task.state}`} data-testid="dry-run-task">
                    {t('wf.dryRunTask', { title: L(task.title, task.state), who: who(task.roles, task.units) })} ·{' '}
                    {task.dueAt ? t('wf.dryRunDue', { due: day(task.dueAt, task.dueDate) }) : t('wf.dryRunNoDue')}
                  </li>
                ))}
                {s.deadlines.armed.map((d) => (
                  <li key={`deadline-${d.key}`} data-testid="dry-run-deadline">
                    {t('wf.dryRunDeadline', { label: L(d.label, d.key), due: day(d.dueAt, d.dueDate) })}
                    {d.reminders.map((r, k) => (
                      <span key={k}> · {t('wf.dryRunReminder', { at: i18n.dateTime(r.at), who: who(r.roles, []) })}</span>
                    ))}
                    {d.escalation ? (
                      <span>
                        {' '}
                        ·{' '}
                        {t('wf.dryRunEscalation', {
                          who: who([...d.escalation.addRoles, ...(d.escalation.notify?.roles ?? [])], []),
                          at: i18n.dateTime(d.escalation.at),
                        })}
                      </span>
                    ) : null}
                  </li>
                ))}
                {s.notifications
                  .filter((n) => n.kind !== 'task-assigned')
                  .map((n, k) => (
                    <li key={`note-${k}`}>{t('wf.dryRunNotify', { who: who(n.roles, n.units) || n.users.join(', '), title: L(n.title, '') })}</li>
                  ))}
                {s.warnings.map((w, k) => (
                  <li key={`warn-${k}`} className="muted">
                    {t('wf.dryRunWarning', { message: w.message })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
