// How history rows read: the event's label, the steps' labels, the payload with its form's field
// titles. Everything is rendered as text.
import type { DefinitionSource, JsonSchema } from '../api/types.ts';
import { eventOf, leafPaths, stateLabel } from '../definitions/model.ts';
import { orderedKeys } from '../form/order.ts';
import { fieldTitle } from '../form/schema.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';

export function eventName(source: DefinitionSource | undefined, type: string, i18n: Pick<I18n, 't' | 'L'>): string {
  if (type === 'xstate.init') return i18n.t('case.event.init');
  if (type === 'deadline.passed') return i18n.t('case.event.deadlinePassed');
  if (type === 'instance.migrated') return i18n.t('case.event.migrated');
  if (type === 'child.done') return i18n.t('case.event.childDone');
  return i18n.L(eventOf(source, type)?.label, type);
}

export function statesName(source: DefinitionSource | undefined, value: unknown, i18n: Pick<I18n, 'L'>): string {
  const leaves = leafPaths(value);
  return leaves.map((p) => i18n.L(stateLabel(source, p), p)).join(', ');
}

export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** A payload (or context) as a definition list; field titles from the schema when it has them. */
export function PayloadView({ payload, schema }: { payload: Record<string, unknown> | null | undefined; schema?: JsonSchema }) {
  const { lang } = useI18n();
  const values = payload ?? {};
  const entries = orderedKeys(schema, Object.keys(values)).map((k) => [k, values[k]] as const);
  if (!entries.length) return null;
  return (
    <dl className="payload">
      {entries.map(([k, v]) => {
        const sub = schema?.properties?.[k];
        return (
          <div key={k}>
            <dt>{fieldTitle(sub?.title, lang, k)}</dt>
            <dd>
              {Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null) ? (
                <ul className="plain">
                  {v.map((x, i) => (
                    <li key={i}>{valueText(x)}</li>
                  ))}
                </ul>
              ) : v && typeof v === 'object' ? (
                <pre className="json">{JSON.stringify(v, null, 2)}</pre>
              ) : (
                valueText(v)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
