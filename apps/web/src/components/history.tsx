// How history rows read: the event's label and the steps' labels (payloads: data-view.tsx).
import type { DefinitionSource } from '../api/types.ts';
import { eventOf, leafPaths, stateLabel } from '../definitions/model.ts';
import type { I18n } from '../i18n/i18n.tsx';

export function eventName(source: DefinitionSource | undefined, type: string, i18n: Pick<I18n, 't' | 'L'>): string {
  if (type === 'xstate.init') return i18n.t('case.event.init');
  if (type === 'deadline.passed') return i18n.t('case.event.deadlinePassed');
  if (type === 'instance.migrated') return i18n.t('case.event.migrated');
  if (type === 'child.done') return i18n.t('case.event.childDone');
  return i18n.L(eventOf(source, type)?.label, type);
}

export function statesName(source: DefinitionSource | undefined, value: unknown, i18n: Pick<I18n, 'L' | 't'>): string {
  const leaves = leafPaths(value);
  return leaves.map((p) => i18n.L(stateLabel(source, p), source ? i18n.t('case.stepUnnamed') : p)).join(', ');
}
