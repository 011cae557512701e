/**
 * Small helpers the workflows' scenario specs share: the active state paths of a view, a refusal
 * caught as a value, the refusing guards' fields and words, and "this attempt changed nothing".
 */
import { expect } from '@jest/globals';
import type { Scenario } from './scenario.js';

export const paths = (view: { activeStates: Array<{ path: string }> }) => view.activeStates.map((a) => a.path);

export type Refusal = { code: string; details?: { refusals?: Array<{ message: { vi: string; en: string }; field?: string }> } };

/** The error a step that must be refused throws (the test fails when it is not refused). */
export const refusal = async (p: Promise<unknown>): Promise<Refusal> => {
  try {
    await p;
  } catch (error) {
    return error as Refusal;
  }
  throw new Error('expected a refusal');
};

/** `[field, English message]` of each guard that refused, as the form shows them. */
export const reasons = (e: Refusal) => (e.details?.refusals ?? []).map((r) => [r.field ?? null, r.message.en]);

/** Runs refused attempts and checks the case is as it was: revision, context and history. */
export async function unchanged(s: Scenario, id: string, attempts: () => Promise<void>) {
  const before = await s.get(id);
  const history = await s.history(id);
  await attempts();
  const after = await s.get(id);
  expect(after.revision).toBe(before.revision);
  expect(after.context).toEqual(before.context);
  expect(await s.history(id)).toEqual(history);
}
