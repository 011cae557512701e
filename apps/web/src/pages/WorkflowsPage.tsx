// Workflows: every key with its newest version.
import { api } from '../api/client.ts';
import type { DefinitionSummary } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { canAudit, isAdmin, useSession } from '../auth/session.tsx';
import { ErrorMessage, Loading } from '../components/feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

export function WorkflowsPage() {
  const { t, L, dateTime } = useI18n();
  const { me } = useSession();
  const list = useLoad((signal) => api<{ items: DefinitionSummary[] }>('/definitions', { signal }).then((r) => r.items), []);
  if (!canAudit(me)) return <p className="notice warning">{t('app.forbidden')}</p>;
  return (
    <>
      <h1 tabIndex={-1}>{t('wf.title')}</h1>
      {isAdmin(me) ? (
        <p>
          <Link to="/workflows/new" className="button" data-testid="new-workflow">
            {t('wf.new')}
          </Link>
        </p>
      ) : null}
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <table className="data-table" data-testid="workflows">
          <thead>
            <tr>
              <th scope="col">{t('wf.col.title')}</th>
              <th scope="col">{t('wf.col.key')}</th>
              <th scope="col">{t('wf.col.version')}</th>
              <th scope="col">{t('wf.col.status')}</th>
              <th scope="col">{t('wf.col.versions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((d) => (
              <tr key={d.key} data-key={d.key}>
                <td data-label={t('wf.col.title')}>
                  <Link to={`/workflows/${encodeURIComponent(d.key)}/versions/${d.version}`}>{L(d.title, d.key)}</Link>
                </td>
                <td data-label={t('wf.col.key')}>
                  <code>{d.key}</code>
                </td>
                <td data-label={t('wf.col.version')}>
                  {d.version}
                  {d.publishedAt ? <div className="muted small">{dateTime(d.publishedAt)}</div> : null}
                </td>
                <td data-label={t('wf.col.status')}>
                  <span className={`status status-${d.status}`}>{t(`wf.status.${d.status}`)}</span>
                </td>
                <td data-label={t('wf.col.versions')}>{d.versions ?? 1}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
