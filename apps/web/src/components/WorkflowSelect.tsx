import { useDefinitions } from '../definitions/catalogue.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A labelled choice of workflow (every one, or "all"), titles in the chosen language: the filter of several pages. */
export function WorkflowSelect(props: { id: string; label: string; value: string; onChange: (key: string) => void }) {
  const { t, L } = useI18n();
  const definitions = useDefinitions();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('app.all')}</option>
        {(definitions ?? []).map((d) => (
          <option key={d.key} value={d.key}>
            {L(d.title, d.key)}
          </option>
        ))}
      </select>
    </div>
  );
}
