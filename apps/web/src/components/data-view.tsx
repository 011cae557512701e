// Case data and payloads as people read them: each field under its label (definitions/presentation.ts),
// enum values by their labels, days as dd/mm/yyyy, instants in Vietnam time, yes/no in words,
// people by name, files by name, lists as lists and nested objects as labelled sub-lists. Never a
// raw JSON text, a `false` or a field's machine name. Everything is rendered as text.
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { FileInfo, FieldPresentation, JsonSchema } from '../api/types.ts';
import { dataEntries, humanize, valueLabel, type Presentation } from '../definitions/presentation.ts';
import { formatDay, isIsoDay, isIsoInstant } from '../form/dates.ts';
import { FILE_FORMAT, itemSchema } from '../form/schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PersonName } from './people.tsx';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * What the server sends in place of a confidential value the reader may not read (the engine's
 * CONFIDENTIAL_MASK, libs/engine/src/confidential.ts): shown as "kept confidential", never as text.
 */
export const CONFIDENTIAL_MASK = '[giữ bí mật]';

const fileNames = new Map<string, Promise<FileInfo>>();

/** A stored file by its name (asked once per page load). */
function FileName({ id }: { id: string }) {
  const { t, bytes } = useI18n();
  const [file, setFile] = useState<FileInfo | null>();
  useEffect(() => {
    let live = true;
    let p = fileNames.get(id);
    if (!p) {
      p = api<FileInfo>(`/files/${encodeURIComponent(id)}`);
      fileNames.set(id, p);
      p.catch(() => fileNames.delete(id));
    }
    p.then(
      (f) => live && setFile(f),
      () => live && setFile(null),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (file === undefined) return <span className="muted">{t('app.loading')}</span>;
  if (file === null) return <span className="muted">{t('data.file')}</span>;
  return (
    <span>
      {file.name} <span className="muted small">({bytes(file.size)})</span>
    </span>
  );
}

interface ValueProps {
  value: unknown;
  source?: Presentation;
  schema?: JsonSchema;
  format?: FieldPresentation['format'];
  path: string;
}

const isFileSchema = (s?: JsonSchema) => s?.format === FILE_FORMAT || (s?.type === 'array' && itemSchema(s).format === FILE_FORMAT);

/** One value: a scalar in words, or a list, or a labelled sub-list. */
export function DataValue({ value, source, schema, format, path }: ValueProps) {
  const { t, lang, dateTime, number } = useI18n();
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (value === CONFIDENTIAL_MASK) return <span className="muted confidential">{t('data.confidential')}</span>;
  if (format === 'files' || isFileSchema(schema)) {
    const ids = (Array.isArray(value) ? value : [value]).filter((x): x is string => typeof x === 'string');
    return (
      <ul className="plain values">
        {ids.map((id) => (
          <li key={id}>
            <FileName id={id} />
          </li>
        ))}
      </ul>
    );
  }
  if (Array.isArray(value)) {
    const item = schema ? itemSchema(schema) : undefined;
    const each = format === 'users' ? 'user' : format;
    if (value.every((x) => !isObj(x))) {
      if (value.length === 1) return <DataValue value={value[0]} source={source} schema={item} format={each} path={path} />;
      return (
        <ul className="values">
          {value.map((x, i) => (
            <li key={i}>
              <DataValue value={x} source={source} schema={item} format={each} path={path} />
            </li>
          ))}
        </ul>
      );
    }
    return (
      <ol className="data-list">
        {value.map((x, i) => (
          <li key={i}>{isObj(x) ? <DataView data={x} source={source} schema={item} prefix={path} /> : <DataValue value={x} source={source} schema={item} path={path} />}</li>
        ))}
      </ol>
    );
  }
  // Who took a step (recorded as { id, at }): the person, and when.
  if (format === 'user' && isObj(value) && typeof value.id === 'string')
    return (
      <>
        <PersonName user={value.id} />
        {typeof value.at === 'string' && dateTime(value.at) ? <span className="muted small"> · {dateTime(value.at)}</span> : null}
      </>
    );
  if (isObj(value)) return <DataView data={value} source={source} schema={schema} prefix={path} />;
  if (typeof value === 'boolean') return <>{value ? t('app.yes') : t('app.no')}</>;
  if (typeof value === 'number') return <>{Math.abs(value) >= 10000 ? number(value) : String(value)}</>;
  if (typeof value !== 'string') return <>{String(value)}</>;
  if (format === 'user') return <PersonName user={value} />;
  const label = valueLabel(source, value, lang);
  if (label) return <>{label}</>;
  if (format === 'date' || schema?.format === 'date' || isIsoDay(value)) return <>{formatDay(value)}</>;
  if (format === 'datetime' || schema?.format === 'date-time' || isIsoInstant(value)) return <>{dateTime(value) || value}</>;
  if (format === 'longText') return <span className="long-text">{value}</span>;
  return <>{value}</>;
}

/**
 * An object of case data (the context, a payload, a nested object): a definition list of its
 * fields people see, labelled, in reading order. `prefix`: the object's dotted path in the case data.
 */
export function DataView({
  data,
  source,
  schema,
  prefix = '',
  testId,
}: {
  data: Obj | null | undefined;
  source?: Presentation;
  schema?: JsonSchema;
  prefix?: string;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const entries = isObj(data) ? dataEntries(source, data, lang, schema, prefix) : [];
  if (!entries.length) return prefix ? <span className="muted">—</span> : <p className="muted">{t('data.empty')}</p>;
  return (
    <dl className="payload" data-testid={testId}>
      {entries.map((e) => (
        <div key={e.key} data-field={e.path}>
          <dt>{e.label || humanize(e.key)}</dt>
          <dd>
            <DataValue value={e.value} source={source} schema={e.schema} format={e.format} path={e.path} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
