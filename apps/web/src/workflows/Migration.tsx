// Moving running cases between versions: a state map, a dry run listing who can move and why
// not (and, per case, what happens to its claimed tasks and its deadlines), then applying it.
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { DefinitionSummary, MigrationVerdict } from '../api/types.ts';
import { ConfirmButton } from '../components/Confirm.tsx';
import { ErrorMessage, LiveStatus } from '../components/feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

export function Migration({ defKey, versions, onApplied }: { defKey: string; versions: DefinitionSummary[]; onApplied(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const published = versions.filter((v) => v.status !== 'draft').map((v) => v.version);
  const [from, setFrom] = useState(published[1] ?? published[0] ?? 1);
  const [to, setTo] = useState(published[0] ?? 1);
  const [mapText, setMapText] = useState('');
  const [mapError, setMapError] = useState('');
  const [keepClaims, setKeepClaims] = useState(true);
  const [keepDeadlineStarts, setKeepDeadlineStarts] = useState(true);
  const [dry, setDry] = useState<{ instances: MigrationVerdict[]; movable: number; blocked: number } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>();

  const stateMap = (): Record<string, string> | null => {
    const map: Record<string, string> = {};
    const lines = mapText.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim();
      if (!line) continue;
      const m = /^([^=\s]+)\s*=\s*([^=\s]+)$/.exec(line);
      if (!m) {
        setMapError(t('wf.stateMapInvalid', { n: i + 1 }));
        return null;
      }
      map[m[1]] = m[2];
    }
    setMapError('');
    return map;
  };
  const call = async (dryRun: boolean) => {
    const map = stateMap();
    if (!map) return;
    setError(undefined);
    try {
      const body = { fromVersion: from, toVersion: to, ...(Object.keys(map).length ? { stateMap: map } : {}), keepClaims, keepDeadlineStarts, dryRun };
      if (dryRun) {
        setDry(await api(`/definitions/${encodeURIComponent(defKey)}/migrations`, { method: 'POST', body }));
      } else {
        const r = await api<{ moved: string[]; blocked: MigrationVerdict[] }>(`/definitions/${encodeURIComponent(defKey)}/migrations`, {
          method: 'POST',
          body,
        });
        setStatus(t('wf.migrated', { moved: r.moved.length, blocked: r.blocked.length }));
        setDry(null);
        onApplied();
      }
    } catch (e) {
      setError(e);
    }
  };

  if (published.length < 2) return null;
  return (
    <section aria-labelledby="migration-title" className="card">
      <h2 id="migration-title">{t('wf.migration')}</h2>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="mig-from">{t('wf.fromVersion')}</label>
          <select id="mig-from" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {published.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="mig-to">{t('wf.toVersion')}</label>
          <select id="mig-to" value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {published.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className={`field${mapError ? ' has-error' : ''}`}>
        <label htmlFor="mig-map">{t('wf.stateMap')}</label>
        <textarea
          id="mig-map"
          className="mono"
          rows={3}
          value={mapText}
          onChange={(e) => setMapText(e.target.value)}
          placeholder="xemXet = thamDinh"
          aria-invalid={mapError ? true : undefined}
          aria-describedby={mapError ? 'mig-map-error' : undefined}
        />
        {mapError ? (
          <p className="field-error" id="mig-map-error">
            {mapError}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={keepClaims} onChange={(e) => setKeepClaims(e.target.checked)} data-testid="migrate-keep-claims" /> {t('wf.keepClaims')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={keepDeadlineStarts} onChange={(e) => setKeepDeadlineStarts(e.target.checked)} /> {t('wf.keepDeadlineStarts')}
        </label>
      </div>
      <div className="actions-row">
        <button type="button" className="secondary" onClick={() => call(true)} data-testid="migrate-dry">
          {t('wf.migrateDry')}
        </button>
        {dry && dry.movable > 0 ? (
          <ConfirmButton
            label={t('wf.migrateApply')}
            question={t('wf.confirmMigrate', { n: dry.movable, v: to })}
            onConfirm={() => call(false)}
            testId="migrate-apply"
          />
        ) : null}
      </div>
      <LiveStatus text={status} />
      <ErrorMessage error={error} />
      {dry ? (
        <>
          <p data-testid="migrate-summary">{t('wf.migrateSummary', { movable: dry.movable, blocked: dry.blocked })}</p>
          <ul className="plain verdicts">
            {dry.instances.map((v) => (
              <li key={v.instanceId} className={v.movable ? 'ok' : 'blocked'}>
                <Link to={`/cases/${v.instanceId}`}>{v.businessKey ?? v.instanceId.slice(0, 8)}</Link>: {v.from.join(', ')} → {v.to?.join(', ') ?? '?'} —{' '}
                {v.movable ? t('wf.movable') : `${t('wf.blocked')}: ${v.reason ?? ''}`}
                {v.tasks?.length || v.deadlines?.length ? (
                  <ul className="plain migration-changes" data-testid="migrate-changes">
                    {(v.tasks ?? []).map((c, i) => (
                      <li key={`t${i}`}>
                        {t(`wf.task.${c.change}`, { state: c.state, who: c.assignee ?? '' })}
                        {c.assignee && c.change === 'kept' ? ` (${t('wf.claimKept', { who: c.assignee })})` : ''}
                        {c.note ? ` — ${c.note}` : ''}
                      </li>
                    ))}
                    {(v.deadlines ?? []).map((c, i) => (
                      <li key={`d${i}`}>
                        {t(`wf.deadline.${c.change}`, { key: c.key, due: i18n.dateTime(c.dueAt ?? c.previousDueAt) })}
                        {c.change === 'restarted' && c.previousDueAt ? ` (${t('wf.previousDue', { due: i18n.dateTime(c.previousDueAt) })})` : ''}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
