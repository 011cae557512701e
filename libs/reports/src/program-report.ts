import type { Label } from '#libs/engine';
import type { ReportPeriod } from './period.js';

/** One labelled count. */
export interface LabelledCount {
  value: string;
  label?: Label;
  count: number;
}

/** The figures of one workflow over a period. */
export interface WorkflowFigures {
  key: string;
  title: Label;
  /** Started in the period. */
  received: number;
  /** Started before the period and not finished when it began. */
  carriedOver: number;
  /** Finished in the period. */
  resolved: number;
  /** Finished in the period with no deadline missed (a deadline that escalated or recorded `deadline.passed`). */
  resolvedOnTime: number;
  resolvedLate: number;
  /** Started before the period ended and not finished by then. */
  openAtEnd: number;
  /** Running now with a deadline already past (whatever the period). */
  overdueNow: number;
  /** Finished in the period, by final state (with its `output.ketQua` when it has one). */
  outcomes: Array<LabelledCount & { state: string }>;
  /** The definition's `reporting.breakdowns`, over the instances finished in the period. */
  breakdowns: Array<{ key: string; label: Label; items: LabelledCount[] }>;
  /** The definition's `reporting.counters`, over the instances finished in the period. */
  counters: Array<{ key: string; label: Label; count: number }>;
}

/** Citizens' complaints, denunciations and petitions, as the periodic reports on them ask. */
export interface CitizenCaseFigures {
  workflows: string[];
  received: number;
  carriedOver: number;
  /** received + carriedOver: what the ward had to handle in the period. */
  toHandle: number;
  resolved: number;
  resolvedOnTime: number;
  resolvedLate: number;
  /** Still being handled at the end of the period. */
  inProgress: number;
  overdueNow: number;
}

export interface ProgramReport {
  period: Pick<ReportPeriod, 'key' | 'from' | 'to'> & { fromAt: string; toAt: string };
  generatedAt: string;
  workflows: WorkflowFigures[];
  citizenCases: CitizenCaseFigures;
  danVanKheo: { campaigns: number; modelsRegistered: number; recognised: number; proposed: number };
  /** Per calendar month of the period (local): started, finished, finished late. */
  trend: Array<{ month: string; received: number; resolved: number; resolvedLate: number }>;
  /** The latest signed checkpoint of the audit ledger when the report was made (none before the first seal). */
  ledgerCheckpoint: { gseq: string; chainHash: string; at: string; digest: string } | null;
}

/** Workflows whose figures make up the citizen-case section. */
export const CITIZEN_CASE_WORKFLOWS = ['complaint', 'denunciation', 'petition'];
export const DVK_CAMPAIGN = 'dan-van-kheo-campaign';
export const DVK_NOMINATION = 'dan-van-kheo-nomination';
