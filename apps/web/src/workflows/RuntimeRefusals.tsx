// The steps a published version refused at run time (a deadline the calendar cannot compute):
// the admins' to fix, so they are listed on the workflow's page, newest first, from the audit log.
import { api } from '../api/client.ts';
import { useLoad } from '../api/use-load.ts';
import { ErrorMessage, Loading } from '../components/feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

interface RefusalEntry {
  id: string;
  at: string;
  subjectId: string | null;
  data: { instanceId?: string; event?: string; cause?: 'event' | 'deadline'; message?: string } | null;
}

export function RuntimeRefusals({ defKey }: { defKey: string }) {
  const { t, dateTime } = useI18n();
  const entries = useLoad(
    (signal) =>
      api<{ items: RefusalEntry[] }>(`/audit/log?action=definition.runtime_refusal&subject=${encodeURIComponent(defKey)}&limit=500`, { signal }).then((r) => r.items.slice().reverse()),
    [defKey],
  );
  return (
    <section aria-labelledby="refusals-title" className="card" data-testid="runtime-refusals">
      <h2 id="refusals-title">{t('wf.refusals')}</h2>
      <p className="muted">{t('wf.refusalsIntro')}</p>
      {entries.error ? <ErrorMessage error={entries.error} onRetry={entries.reload} /> : null}
      {!entries.data ? (
        entries.error ? null : <Loading />
      ) : entries.data.length === 0 ? (
        <p>{t('wf.refusalsNone')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('wf.refusalAt')}</th>
                <th scope="col">{t('wf.refusalVersion')}</th>
                <th scope="col">{t('wf.refusalCase')}</th>
                <th scope="col">{t('wf.refusalStep')}</th>
                <th scope="col">{t('wf.refusalWhy')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.map((e) => (
                <tr key={e.id}>
                  <td>{dateTime(e.at)}</td>
                  <td>{e.subjectId?.split('@')[1] ?? ''}</td>
                  <td>{e.data?.instanceId ? <Link to={`/cases/${e.data.instanceId}`}>{e.data.instanceId.slice(0, 8)}</Link> : null}</td>
                  <td>{e.data?.cause === 'deadline' ? t('wf.refusalDeadline', { key: e.data.event ?? '' }) : (e.data?.event ?? '')}</td>
                  <td style={{ overflowWrap: 'anywhere' }}>{e.data?.message ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
