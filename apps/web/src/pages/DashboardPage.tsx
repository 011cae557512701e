// The program dashboard: a period picker, on-time / late / overdue by workflow and the monthly
// trend as SVG bars with their figures, citizen cases, "Dân vận khéo", and the CSV/XLSX exports.
import { useState } from 'react';
import { api, downloadFile } from '../api/client.ts';
import type { ProgramReport } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { GroupedBars, StackedBars } from '../components/charts.tsx';
import { ErrorMessage, LiveStatus, Loading } from '../components/feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { navigate, useLocation, withQuery } from '../router.tsx';

const PARTS = ['', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4', ...Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'))];
const PERIOD = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

export function DashboardPage() {
  const { t, L, date, dateTime, number, lang } = useI18n();
  const { query } = useLocation();
  const thisYear = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
  const m = PERIOD.exec(query.get('period') ?? '');
  const year = m ? Number(m[1]) : thisYear;
  const part = m?.[2] ?? '';
  const period = `${year}${part ? `-${part}` : ''}`;
  const report = useLoad((signal) => api<ProgramReport>('/reports/program', { query: { period }, signal }), [period]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>();
  const years = Array.from({ length: Math.max(thisYear + 1, 2030) - 2024 }, (_, i) => 2025 + i);

  const choose = (y: number, p: string) => navigate(withQuery('/dashboard', { period: `${y}${p ? `-${p}` : ''}` }), { replace: true });
  const partLabel = (p: string) =>
    p === ''
      ? t('dash.part.year')
      : p === 'H1' || p === 'H2'
        ? t(`dash.part.${p}`)
        : p.startsWith('Q')
          ? t('dash.part.Q', { n: p.slice(1) })
          : t('dash.part.M', { n: Number(p) });
  const download = async (format: 'csv' | 'xlsx') => {
    setError(undefined);
    try {
      const r = await downloadFile('/reports/program', { period, format, lang }, `phoihop-bao-cao-${period}.${format}`);
      setStatus(t('dash.downloaded', { file: r.fileName }));
    } catch (e) {
      setError(e);
    }
  };

  const data = report.data;
  return (
    <>
      <h1 tabIndex={-1}>{t('dash.title')}</h1>
      <form className="filter-grid card period-picker" onSubmit={(e) => e.preventDefault()} aria-label={t('dash.period')}>
        <div className="field">
          <label htmlFor="period-year">{t('dash.year')}</label>
          <select id="period-year" value={year} onChange={(e) => choose(Number(e.target.value), part)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="period-part">{t('dash.part')}</label>
          <select id="period-part" value={part} onChange={(e) => choose(year, e.target.value)}>
            {PARTS.map((p) => (
              <option key={p} value={p}>
                {partLabel(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="downloads">
          <span className="label">{t('dash.download')}:</span>{' '}
          <a
            href={`/api/v1/reports/program?period=${period}&format=csv&lang=${lang}`}
            onClick={(e) => (e.preventDefault(), download('csv'))}
            data-testid="download-csv"
          >
            {t('dash.csv')}
          </a>{' '}
          ·{' '}
          <a
            href={`/api/v1/reports/program?period=${period}&format=xlsx&lang=${lang}`}
            onClick={(e) => (e.preventDefault(), download('xlsx'))}
            data-testid="download-xlsx"
          >
            {t('dash.xlsx')}
          </a>
        </div>
      </form>
      <LiveStatus text={status} />
      <ErrorMessage error={error} />
      <ErrorMessage error={report.error} onRetry={report.reload} />
      {report.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p className="muted" data-testid="period-range">
            <strong>{period}</strong>: {t('dash.range', { from: date(data.period.from), to: date(data.period.to) })} ·{' '}
            {t('dash.generatedAt', { at: dateTime(data.generatedAt) })}
          </p>
          <section aria-labelledby="dash-workflows" className="card">
            <h2 id="dash-workflows">{t('dash.byWorkflow')}</h2>
            <StackedBars
              caption={t('dash.byWorkflow')}
              legend={[
                { label: t('dash.onTime'), className: 'seg-ok' },
                { label: t('dash.late'), className: 'seg-late' },
                { label: t('dash.overdue'), className: 'seg-overdue' },
              ]}
              rows={data.workflows.map((w) => ({
                key: w.key,
                label: L(w.title, w.key),
                segments: [
                  { key: 'ok', label: t('dash.onTime'), value: w.resolvedOnTime, className: 'seg-ok' },
                  { key: 'late', label: t('dash.late'), value: w.resolvedLate, className: 'seg-late' },
                  { key: 'overdue', label: t('dash.overdue'), value: w.overdueNow, className: 'seg-overdue' },
                ],
              }))}
            />
            <details>
              <summary>{t('dash.tableView')}</summary>
              <div className="table-scroll">
                <table className="data-table numbers">
                  <thead>
                    <tr>
                      <th scope="col">{t('case.workflow')}</th>
                      <th scope="col">{t('dash.received')}</th>
                      <th scope="col">{t('dash.carriedOver')}</th>
                      <th scope="col">{t('dash.resolved')}</th>
                      <th scope="col">{t('dash.onTime')}</th>
                      <th scope="col">{t('dash.late')}</th>
                      <th scope="col">{t('dash.open')}</th>
                      <th scope="col">{t('dash.overdue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.workflows.map((w) => (
                      <tr key={w.key}>
                        <th scope="row">{L(w.title, w.key)}</th>
                        <td>{number(w.received)}</td>
                        <td>{number(w.carriedOver)}</td>
                        <td>{number(w.resolved)}</td>
                        <td>{number(w.resolvedOnTime)}</td>
                        <td>{number(w.resolvedLate)}</td>
                        <td>{number(w.openAtEnd)}</td>
                        <td>{number(w.overdueNow)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>
          <section aria-labelledby="dash-trend" className="card">
            <h2 id="dash-trend">{t('dash.trend')}</h2>
            <GroupedBars
              caption={t('dash.trend')}
              categories={data.trend.map((x) => ({ key: x.month, label: `${x.month.slice(5, 7)}/${x.month.slice(2, 4)}` }))}
              series={[
                { key: 'received', label: t('dash.received'), className: 'seg-received' },
                { key: 'resolved', label: t('dash.resolved'), className: 'seg-ok' },
                { key: 'resolvedLate', label: t('dash.late'), className: 'seg-late' },
              ]}
              values={(month, s) => {
                const row = data.trend.find((x) => x.month === month);
                return row ? (row[s as 'received'] ?? 0) : 0;
              }}
            />
          </section>
          <div className="figure-grid">
            <section aria-labelledby="dash-citizen" className="card">
              <h2 id="dash-citizen">{t('dash.citizen')}</h2>
              <Figures
                items={[
                  ['dash.received', data.citizenCases.received],
                  ['dash.carriedOver', data.citizenCases.carriedOver],
                  ['dash.toHandle', data.citizenCases.toHandle],
                  ['dash.resolved', data.citizenCases.resolved],
                  ['dash.onTime', data.citizenCases.resolvedOnTime],
                  ['dash.late', data.citizenCases.resolvedLate],
                  ['dash.inProgress', data.citizenCases.inProgress],
                  ['dash.overdue', data.citizenCases.overdueNow],
                ]}
              />
            </section>
            <section aria-labelledby="dash-dvk" className="card">
              <h2 id="dash-dvk">{t('dash.dvk')}</h2>
              <Figures
                items={[
                  ['dash.campaigns', data.danVanKheo.campaigns],
                  ['dash.models', data.danVanKheo.modelsRegistered],
                  ['dash.recognised', data.danVanKheo.recognised],
                  ['dash.proposed', data.danVanKheo.proposed],
                ]}
              />
            </section>
          </div>
          <section aria-labelledby="dash-ledger" className="card" data-testid="ledger-checkpoint">
            <h2 id="dash-ledger">{t('dash.ledger')}</h2>
            {data.ledgerCheckpoint ? (
              <>
                <p>{t('dash.ledgerAt', { at: dateTime(data.ledgerCheckpoint.at) })}</p>
                <p>
                  <code className="digest">{data.ledgerCheckpoint.digest}</code>
                </p>
                <p className="hint">{t('dash.ledgerHint')}</p>
              </>
            ) : (
              <p>{t('dash.ledgerNone')}</p>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

/** Labelled figures as a definition list: one dt/dd pair per figure. */
function Figures({ items }: { items: ReadonlyArray<readonly [MessageKey, number]> }) {
  const { t, number } = useI18n();
  return (
    <dl className="figures">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{t(k)}</dt>
          <dd>{number(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
