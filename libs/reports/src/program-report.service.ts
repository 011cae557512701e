import { Inject, Injectable, Optional } from '@nestjs/common';
import { activeStatePaths, type CompiledWorkflow, type Label, type ReportingDefinition } from '#libs/engine';
import { DefinitionsService } from '#libs/runtime';
import { DomainError, ErrorCode } from '#libs/core';
import { AuditRepository, Database, ledgerDigest, type FinishedInstance, type PeriodTotals, ReportsRepository } from '#libs/persistence';
import { parsePeriod, type PeriodAnchor, type ReportPeriod } from './period.js';
import {
  CITIZEN_CASE_WORKFLOWS,
  DVK_CAMPAIGN,
  DVK_NOMINATION,
  type CitizenCaseFigures,
  type LabelledCount,
  type ProgramReport,
  type WorkflowFigures,
} from './program-report.js';

export const REPORT_OPTIONS = Symbol('REPORT_OPTIONS');
export interface ReportOptions {
  anchor: PeriodAnchor;
}

/**
 * The program dashboard: per workflow, what came in, what was finished on time or late, what is
 * still open or overdue, over one reporting period; plus the citizen-case and Dân vận khéo
 * figures the ward's periodic reports ask for. Read-only aggregates over instances and timers.
 */
@Injectable()
export class ProgramReportService {
  constructor(
    private readonly database: Database,
    private readonly reports: ReportsRepository,
    private readonly definitions: DefinitionsService,
    @Inject(REPORT_OPTIONS) private readonly options: ReportOptions,
    @Optional() private readonly audit?: AuditRepository,
  ) {}

  period(text: string): ReportPeriod {
    const period = parsePeriod(text, this.options.anchor);
    if (!period) {
      throw new DomainError(ErrorCode.ValidationFailed, `period "${text}" is not a reporting period`, {
        problems: [{ field: 'period', reason: 'must be YYYY, YYYY-H1, YYYY-H2, YYYY-Q1..YYYY-Q4 or YYYY-MM (e.g. 2026-H1)' }],
      });
    }
    return period;
  }

  async build(periodText: string, now = new Date()): Promise<ProgramReport> {
    const period = this.period(periodText);
    const [published, totals, finished, trend, checkpoint] = await Promise.all([
      this.definitions.listLatestPublished(),
      this.reports.totalsInPeriod(this.database.manager, period.fromAt, period.toAt, now),
      this.finished(period),
      this.reports.monthlyTrend(this.database.manager, period.fromAt, period.toAt),
      this.audit?.latestCheckpoint(this.database.manager),
    ]);
    const byKey = new Map(totals.map((t) => [t.definitionKey, t]));
    const trendByMonth = new Map(trend.map(({ month, ...figures }) => [month, figures]));
    const workflows: WorkflowFigures[] = [];
    for (const def of [...published].sort((a, b) => a.key.localeCompare(b.key))) {
      const t: Omit<PeriodTotals, 'definitionKey'> = byKey.get(def.key) ?? NO_TOTALS;
      const latest = (await this.definitions.byId(def.id)).workflow;
      const rows = finished.get(def.key) ?? [];
      workflows.push({
        key: def.key,
        title: def.title,
        received: t.received,
        carriedOver: t.carriedOver,
        resolved: t.resolved,
        resolvedOnTime: t.resolved - t.resolvedLate,
        resolvedLate: t.resolvedLate,
        openAtEnd: t.openAtEnd,
        overdueNow: t.overdueNow,
        ...(await this.details(latest, rows)),
      });
    }
    const counter = (key: string, name: string) => workflows.find((w) => w.key === key)?.counters.find((c) => c.key === name)?.count ?? 0;
    const figures = (key: string) => workflows.find((w) => w.key === key);
    return {
      period: { key: period.key, from: period.from, to: period.to, fromAt: period.fromAt.toISOString(), toAt: period.toAt.toISOString() },
      generatedAt: now.toISOString(),
      workflows,
      citizenCases: citizenCases(workflows),
      danVanKheo: {
        campaigns: figures(DVK_CAMPAIGN)?.received ?? 0,
        modelsRegistered: figures(DVK_NOMINATION)?.received ?? 0,
        recognised: counter(DVK_NOMINATION, 'recognised'),
        proposed: counter(DVK_NOMINATION, 'proposed'),
      },
      trend: period.months.map((month) => ({ month, received: 0, resolved: 0, resolvedLate: 0, ...trendByMonth.get(month) })),
      // Printed with the figures so that the paper archive holds what the ledger was when they were counted.
      ledgerCheckpoint: checkpoint ? { gseq: checkpoint.gseq, chainHash: checkpoint.chainHash, at: checkpoint.at, digest: ledgerDigest(checkpoint) } : null,
    };
  }

  /** Instances finished in the period, grouped by workflow key: what outcomes and breakdowns count. */
  private async finished(period: ReportPeriod): Promise<Map<string, FinishedInstance[]>> {
    const rows = await this.reports.finishedInPeriod(this.database.manager, period.fromAt, period.toAt);
    const out = new Map<string, FinishedInstance[]>();
    for (const r of rows) out.set(r.definitionKey, [...(out.get(r.definitionKey) ?? []), r]);
    return out;
  }

  private async details(latest: CompiledWorkflow, rows: FinishedInstance[]): Promise<Pick<WorkflowFigures, 'outcomes' | 'breakdowns' | 'counters'>> {
    const reporting: ReportingDefinition = latest.definition.reporting ?? {};
    const outcomes = new Map<string, LabelledCount & { state: string }>();
    const breakdowns = (reporting.breakdowns ?? []).map((b) => ({ key: b.key, label: b.label, counts: new Map<string, number>(), values: b.values, path: b.path }));
    const counters = (reporting.counters ?? []).map((c) => ({ key: c.key, label: c.label, count: 0, path: c.path, equals: c.equals }));
    for (const row of rows) {
      // Each instance is read with its own version's definition (labels and outputs of that version).
      const workflow = (await this.definitions.byId(row.definitionId)).workflow;
      const leaves = activeStatePaths(row.stateValue as never);
      const state = leaves.join(',');
      const output = row.output ?? leaves.map((l) => workflow.states.get(l)?.output).find((o) => o !== undefined) ?? null;
      const ketQua = isRecord(output) && typeof output.ketQua === 'string' ? output.ketQua : undefined;
      const current = outcomes.get(state) ?? { state, value: ketQua ?? state, label: workflow.states.get(leaves[0])?.label ?? latest.states.get(leaves[0])?.label, count: 0 };
      current.count++;
      outcomes.set(state, current);
      const read = (path: string) => readReportPath(path, row.context, output);
      for (const b of breakdowns) {
        const v = read(b.path);
        const value = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
        b.counts.set(value, (b.counts.get(value) ?? 0) + 1);
      }
      for (const c of counters) if (JSON.stringify(read(c.path)) === JSON.stringify(c.equals)) c.count++;
    }
    return {
      outcomes: [...outcomes.values()].sort((a, b) => b.count - a.count || a.state.localeCompare(b.state)),
      breakdowns: breakdowns.map((b) => ({
        key: b.key,
        label: b.label,
        items: [...b.counts.entries()]
          .map(([value, count]) => ({ value, count, ...(b.values?.[value] ? { label: b.values[value] } : {}) }))
          .sort((x, y) => y.count - x.count || x.value.localeCompare(y.value)),
      })),
      counters: counters.map((c) => ({ key: c.key, label: c.label, count: c.count })),
    };
  }
}

const NO_TOTALS: Omit<PeriodTotals, 'definitionKey'> = { received: 0, carriedOver: 0, resolved: 0, resolvedLate: 0, openAtEnd: 0, overdueNow: 0 };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readReportPath(path: string, context: Record<string, unknown>, output: unknown): unknown {
  const [root, ...rest] = path.split('.');
  let cur: unknown = root === 'context' ? context : root === 'output' ? output : undefined;
  for (const seg of rest) cur = isRecord(cur) && Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
  return cur;
}

function citizenCases(workflows: WorkflowFigures[]): CitizenCaseFigures {
  const cases = workflows.filter((w) => CITIZEN_CASE_WORKFLOWS.includes(w.key));
  const sum = (f: (w: WorkflowFigures) => number) => cases.reduce((n, w) => n + f(w), 0);
  const received = sum((w) => w.received);
  const carriedOver = sum((w) => w.carriedOver);
  return {
    workflows: cases.map((w) => w.key),
    received,
    carriedOver,
    toHandle: received + carriedOver,
    resolved: sum((w) => w.resolved),
    resolvedOnTime: sum((w) => w.resolvedOnTime),
    resolvedLate: sum((w) => w.resolvedLate),
    inProgress: sum((w) => w.openAtEnd),
    overdueNow: sum((w) => w.overdueNow),
  };
}

export type { Label };
