/**
 * How many cases of each workflow the demo year holds, how far each gets, and their business keys.
 * Workflows not named here (added later) get a few cases of their own; the program's final review
 * belongs to 2030 and is left out.
 */

export interface WorkflowPlan {
  /** Business key part after DEMO-: DEMO-KN-2026-001. */
  prefix: string;
  count: number;
  /** The most steps a case takes; cases spread from 0 (just received) to this. */
  maxSteps: number;
  /** Start input fixed by the plan (the rest comes from the schema). */
  input?: (index: number) => Record<string, unknown>;
  /** Start dates fixed by the plan, as ISO instants, instead of spread over the year. */
  starts?: string[];
  /** One a year (the plan, the campaign, the conference): never an extra case to fill an inbox. */
  yearly?: boolean;
}

export const DEMO_PREFIX = 'DEMO-';
export const DEMO_YEAR = 2026;

export const PLANS: Record<string, WorkflowPlan | null> = {
  complaint: { prefix: 'KN', count: 10, maxSteps: 12, input: (i) => ({ kenhTiepNhan: ['truc-tiep', 'buu-chinh', 'truc-tuyen', 'chuyen-den'][i % 4] }) },
  denunciation: { prefix: 'TC', count: 7, maxSteps: 10 },
  petition: { prefix: 'PAKN', count: 8, maxSteps: 6 },
  'citizen-reception': { prefix: 'TCD', count: 6, maxSteps: 5, input: (i) => ({ chuTri: i % 2 === 1 ? 'bi-thu' : 'chu-tich' }) },
  'proposal-appraisal': { prefix: 'DA', count: 5, maxSteps: 7 },
  'annual-plan': { prefix: 'KH', count: 2, maxSteps: 9, input: (i) => ({ nam: DEMO_YEAR + i }), starts: ['2026-01-06T02:00:00.000Z', '2026-11-23T02:00:00.000Z'], yearly: true },
  'annual-review-conference': { prefix: 'HNGB', count: 1, maxSteps: 8, input: () => ({ nam: DEMO_YEAR - 1 }), starts: ['2026-01-12T02:00:00.000Z'], yearly: true },
  'dan-van-kheo-campaign': { prefix: 'DVK', count: 1, maxSteps: 40, input: () => ({ nam: DEMO_YEAR }), starts: ['2026-01-08T02:00:00.000Z'], yearly: true },
  'information-exchange': { prefix: 'TDTT', count: 2, maxSteps: 6, input: (i) => ({ ky: i === 0 ? '6-thang' : 'nam' }), starts: ['2026-06-15T02:00:00.000Z', '2026-11-16T02:00:00.000Z'] },
  'resolution-implementation': { prefix: 'NQ', count: 4, maxSteps: 7 },
  'social-supervision': { prefix: 'GSPB', count: 4, maxSteps: 4 },
  'friendly-office-accreditation': { prefix: 'CQTT', count: 3, maxSteps: 6 },
  'hall-booking': { prefix: 'HT', count: 5, maxSteps: 6 },
  'example-document-approval': { prefix: 'VB', count: 3, maxSteps: 3 },
  'program-final-review': null,
  // Started by the campaign, one per registered model: never on its own.
  'dan-van-kheo-nomination': null,
};

export const DEFAULT_PLAN: WorkflowPlan = { prefix: 'HS', count: 2, maxSteps: 5 };

/** The case's start: fixed by the plan, or spread from early January to late November. */
export function startOf(plan: WorkflowPlan, index: number, jitterDays: number): Date {
  if (plan.starts?.[index]) return new Date(plan.starts[index]);
  const first = Date.UTC(DEMO_YEAR, 0, 5, 2);
  const span = 325 * 86_400_000;
  return new Date(first + ((index + 0.5) / plan.count) * span + jitterDays * 86_400_000);
}

/**
 * Steps for the case: most go as far as the year lets them (finished, or in progress when they
 * started late); one in four stalls after a step or two, and when it is old, it is overdue.
 */
export function stepsOf(plan: WorkflowPlan, index: number): number {
  if (plan.count === 1) return plan.maxSteps;
  if (index % 4 === 1) return index % 3;
  return plan.maxSteps - (index % 3);
}

export function businessKey(plan: WorkflowPlan, index: number, workflow: string): string {
  const prefix = plan === DEFAULT_PLAN ? workflow.toUpperCase() : plan.prefix;
  return `${DEMO_PREFIX}${prefix}-${DEMO_YEAR}-${String(index + 1).padStart(3, '0')}`;
}
