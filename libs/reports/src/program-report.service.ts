import { Inject, Injectable } from '@nestjs/common';
import { activeStatePaths, type CompiledWorkflow, type Label, type ReportingDefinition } from '#libs/engine';
import { DefinitionsService } from '#libs/runtime';
import { DomainError, ErrorCode } from '#libs/core';
import { DataSource } from 'typeorm';
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

/** A fired deadline that escalated, or passed with no event of its own, makes the case late. */
const LATE_SQL = `EXISTS (SELECT 1 FROM timers t WHERE t.instance_id = i.id AND t.kind = 'deadline' AND t.status = 'fired'
                          AND (t.spec ? 'escalate' OR NOT t.spec ? 'event'))`;

/**
 * The program dashboard: per workflow, what came in, what was finished on time or late, what is
 * still open or overdue, over one reporting period; plus the citizen-case and Dân vận khéo
 * figures the ward's periodic reports ask for. Read-only aggregates over instances and timers.
 */
@Injectable()
export class ProgramReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsService,
    @Inject(REPORT_OPTIONS) private readonly options: ReportOptions,
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
    const [published, totals, finished, trend] = await Promise.all([
      this.definitions.listLatestPublished(),
      this.totals(period, now),
      this.finished(period),
      this.trend(period),
    ]);
    const byKey = new Map(totals.map((t) => [t.definition_key as string, t]));
    const workflows: WorkflowFigures[] = [];
    for (const def of [...published].sort((a, b) => a.key.localeCompare(b.key))) {
      const t = byKey.get(def.key) ?? {};
      const latest = (await this.definitions.byId(def.id)).workflow;
      const rows = finished.get(def.key) ?? [];
      const resolved = Number(t.resolved ?? 0);
      const late = Number(t.resolved_late ?? 0);
      workflows.push({
        key: def.key,
        title: def.title,
        received: Number(t.received ?? 0),
        carriedOver: Number(t.carried_over ?? 0),
        resolved,
        resolvedOnTime: resolved - late,
        resolvedLate: late,
        openAtEnd: Number(t.open_at_end ?? 0),
        overdueNow: Number(t.overdue_now ?? 0),
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
      trend: period.months.map((month) => ({ month, received: 0, resolved: 0, resolvedLate: 0, ...trend.get(month) })),
    };
  }

  private totals(period: ReportPeriod, now: Date): Promise<Array<Record<string, any>>> {
    return this.dataSource.query(
      `SELECT definition_key,
              count(*) FILTER (WHERE created_at >= $1 AND created_at < $2) AS received,
              count(*) FILTER (WHERE created_at < $1 AND (completed_at IS NULL OR completed_at >= $1)) AS carried_over,
              count(*) FILTER (WHERE completed_at >= $1 AND completed_at < $2) AS resolved,
              count(*) FILTER (WHERE completed_at >= $1 AND completed_at < $2 AND late) AS resolved_late,
              count(*) FILTER (WHERE completed_at IS NULL OR completed_at >= $2) AS open_at_end,
              count(*) FILTER (WHERE status = 'active' AND next_due_at < $3) AS overdue_now
         FROM (SELECT i.definition_key, i.created_at, i.completed_at, i.status, i.next_due_at, ${LATE_SQL} AS late
                 FROM workflow_instances i
                WHERE i.created_at < $2 AND (i.completed_at IS NULL OR i.completed_at >= $1)) x
        GROUP BY definition_key`,
      [period.fromAt, period.toAt, now],
    );
  }

  /** Instances finished in the period, grouped by workflow key: what outcomes and breakdowns count. */
  private async finished(period: ReportPeriod): Promise<Map<string, FinishedRow[]>> {
    const rows: FinishedRow[] = await this.dataSource.query(
      `SELECT i.definition_id, i.definition_key, i.state_value, i.context, i.snapshot->'output' AS output
         FROM workflow_instances i
        WHERE i.completed_at >= $1 AND i.completed_at < $2`,
      [period.fromAt, period.toAt],
    );
    const out = new Map<string, FinishedRow[]>();
    for (const r of rows) out.set(r.definition_key, [...(out.get(r.definition_key) ?? []), r]);
    return out;
  }

  private async details(latest: CompiledWorkflow, rows: FinishedRow[]): Promise<Pick<WorkflowFigures, 'outcomes' | 'breakdowns' | 'counters'>> {
    const reporting: ReportingDefinition = latest.definition.reporting ?? {};
    const outcomes = new Map<string, LabelledCount & { state: string }>();
    const breakdowns = (reporting.breakdowns ?? []).map((b) => ({ key: b.key, label: b.label, counts: new Map<string, number>(), values: b.values, path: b.path }));
    const counters = (reporting.counters ?? []).map((c) => ({ key: c.key, label: c.label, count: 0, path: c.path, equals: c.equals }));
    for (const row of rows) {
      // Each instance is read with its own version's definition (labels and outputs of that version).
      const workflow = (await this.definitions.byId(row.definition_id)).workflow;
      const leaves = activeStatePaths(row.state_value as never);
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

  private async trend(period: ReportPeriod): Promise<Map<string, { received: number; resolved: number; resolvedLate: number }>> {
    const rows: Array<{ month: string; received: string; resolved: string; resolved_late: string }> = await this.dataSource.query(
      `WITH started AS (
         SELECT to_char(created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, count(*) AS n
           FROM workflow_instances WHERE created_at >= $1 AND created_at < $2 GROUP BY 1
       ), ended AS (
         SELECT to_char(i.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, count(*) AS n, count(*) FILTER (WHERE ${LATE_SQL}) AS late
           FROM workflow_instances i WHERE i.completed_at >= $1 AND i.completed_at < $2 GROUP BY 1
       )
       SELECT coalesce(s.month, e.month) AS month, coalesce(s.n, 0) AS received, coalesce(e.n, 0) AS resolved, coalesce(e.late, 0) AS resolved_late
         FROM started s FULL JOIN ended e ON e.month = s.month`,
      [period.fromAt, period.toAt],
    );
    return new Map(rows.map((r) => [r.month, { received: Number(r.received), resolved: Number(r.resolved), resolvedLate: Number(r.resolved_late) }]));
  }
}

interface FinishedRow {
  definition_id: string;
  definition_key: string;
  state_value: unknown;
  context: Record<string, unknown>;
  output: unknown;
}

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
