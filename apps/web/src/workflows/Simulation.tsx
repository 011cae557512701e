// Paths through a version (GET …/paths): coverage, dead ends, each path with a dry run of it.
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { DefinitionSource, DryRunResult, PathReport, PathStep } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/feedback.tsx';
import { eventName } from '../components/history.tsx';
import { stateLabel } from '../definitions/model.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function Simulation({ defKey, version, source }: { defKey: string; version: number; source?: DefinitionSource }) {
  const i18n = useI18n();
  const { t, L } = i18n;
  const [report, setReport] = useState<PathReport>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [dry, setDry] = useState<{ index: number; steps: DryRunResult[] } | null>(null);
  const base = `/definitions/${encodeURIComponent(defKey)}/versions/${version}`;
  const states = (paths: string[]) => paths.map((p) => L(stateLabel(source, p), p)).join(', ');
  const percent = (r: number) => `${Math.round(r * 100)}%`;

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await api<PathReport>(`${base}/paths`));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const dryRun = async (index: number, steps: PathStep[]) => {
    setError(undefined);
    try {
      const r = await api<{ steps: DryRunResult[] }>(`${base}/dry-run`, {
        method: 'POST',
        body: { steps: steps.map((s) => ({ type: s.event, ...(s.payload ? { payload: s.payload } : {}) })) },
      });
      setDry({ index, steps: r.steps });
    } catch (e) {
      setError(e);
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
            <p>
              {t('wf.uncovered')}: {states(report.stateCoverage.uncovered)}
            </p>
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
                <button type="button" className="link-button" onClick={() => dryRun(i, p.steps)}>
                  {t('wf.dryRun')}
                </button>
                {dry?.index === i ? (
                  <ol className="dry-run">
                    {dry.steps.map((s, j) => (
                      <li key={j} className={s.ok ? '' : 'refused'}>
                        {eventName(source, s.event, i18n)}: {s.ok ? t('wf.accepted') : `${t('wf.refused')} — ${s.error?.message ?? ''}`} →{' '}
                        {states(s.activeStates)}
                      </li>
                    ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
