// A file field of a generated form (format "phoihop-file"): the document is uploaded as soon as it
// is picked, with a progress bar, and the field's value becomes the stored file's id (a list of ids
// for an array). The size limit and accepted types are shown before anything is sent, and a file
// that breaks them is refused here too; the server decides again from the bytes.
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, uploadFile } from '../api/client.ts';
import type { FileInfo, FileLimits } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { ControlProps } from './frame.tsx';

let limitsOnce: Promise<FileLimits> | undefined;

/** The server's limits, asked once per page load. */
export function useFileLimits(): FileLimits | undefined {
  const [limits, setLimits] = useState<FileLimits>();
  useEffect(() => {
    let live = true;
    limitsOnce ??= api<FileLimits>('/files/limits').catch((e) => {
      limitsOnce = undefined;
      throw e;
    });
    limitsOnce.then((l) => live && setLimits(l)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return limits;
}

/** What the picker's name says the file is; the server reads the bytes, this only refuses the obvious early. */
function acceptedByName(name: string, limits: FileLimits): boolean {
  const lower = name.toLowerCase();
  return limits.types.some((t) => t.extensions.some((ext) => lower.endsWith(ext)));
}

interface Upload {
  key: number;
  name: string;
  size: number;
  sent: number;
  error?: string;
}

interface FileInputProps {
  control: ControlProps;
  /** One id, or a list of ids (`multiple`). */
  value: unknown;
  multiple: boolean;
  maxItems?: number;
  onChange(v: unknown): void;
}

export function FileInput({ control, value, multiple, maxItems, onChange }: FileInputProps) {
  const { t, bytes } = useI18n();
  const limits = useFileLimits();
  const ids = multiple ? (Array.isArray(value) ? (value as string[]) : []) : typeof value === 'string' ? [value] : [];
  const [known, setKnown] = useState<Record<string, FileInfo>>({});
  const [uploads, setUploads] = useState<Upload[]>([]);
  const counter = useRef(0);
  const current = useRef(ids);
  current.current = ids;

  // Files chosen earlier (a draft re-opened): their names from the server.
  useEffect(() => {
    for (const id of ids) {
      if (known[id]) continue;
      api<FileInfo>(`/files/${id}`)
        .then((f) => setKnown((k) => ({ ...k, [id]: f })))
        .catch(() => undefined);
    }
  }, [ids.join(',')]);

  const set = (next: string[]) => onChange(multiple ? (next.length ? next : undefined) : next[0]);

  const pick = (files: FileList | null) => {
    if (!files?.length || !limits) return;
    const room = multiple ? (maxItems ?? Infinity) - current.current.length : 1;
    for (const file of [...files].slice(0, Math.max(0, room))) {
      const key = ++counter.current;
      const base: Upload = { key, name: file.name, size: file.size, sent: 0 };
      const refuse = (error: string) => setUploads((u) => [...u, { ...base, error }]);
      if (file.size > limits.maxBytes) {
        refuse(t('file.tooLarge', { max: bytes(limits.maxBytes) }));
        continue;
      }
      if (!acceptedByName(file.name, limits)) {
        refuse(t('file.wrongType', { types: limits.types.map((x) => x.label).join(', ') }));
        continue;
      }
      setUploads((u) => [...u, base]);
      uploadFile<FileInfo>(file, (sent) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, sent } : x))))
        .then((stored) => {
          setKnown((k) => ({ ...k, [stored.id]: stored }));
          setUploads((u) => u.filter((x) => x.key !== key));
          set(multiple ? [...current.current, stored.id] : [stored.id]);
        })
        .catch((e: unknown) => {
          const message =
            e instanceof ApiError
              ? e.status === 413
                ? t('file.tooLarge', { max: bytes(limits.maxBytes) })
                : e.status === 415
                  ? t('file.refusedType', { type: String(e.body.details?.detectedType ?? '?'), types: limits.types.map((x) => x.label).join(', ') })
                  : e.message
              : t('app.networkError');
          setUploads((u) => u.map((x) => (x.key === key ? { ...x, error: message } : x)));
        });
    }
  };

  const full = multiple ? ids.length >= (maxItems ?? Infinity) : ids.length >= 1;
  const accept = limits ? limits.types.flatMap((x) => [x.contentType, ...x.extensions]).join(',') : undefined;
  return (
    <div className="file-input">
      <p className="hint small" data-testid="file-limits">
        {limits ? t('file.limits', { types: limits.types.map((x) => x.label).join(', '), max: bytes(limits.maxBytes) }) : t('app.loading')}
      </p>
      {ids.length ? (
        <ul className="plain file-list">
          {ids.map((id) => {
            const f = known[id];
            return (
              <li key={id} data-file-id={id}>
                <span>{f ? `${f.name} (${bytes(f.size)})` : id}</span>{' '}
                <button type="button" className="secondary small" onClick={() => set(ids.filter((x) => x !== id))}>
                  {t('form.remove')}
                  <span className="sr-only"> {f?.name ?? id}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {uploads.map((u) => (
        <div key={u.key} className={u.error ? 'file-upload error' : 'file-upload'} role={u.error ? 'alert' : undefined}>
          <span>{u.name}</span>{' '}
          {u.error ? (
            <>
              <span className="error-text">{u.error}</span>{' '}
              <button type="button" className="secondary small" onClick={() => setUploads((x) => x.filter((y) => y.key !== u.key))}>
                {t('app.close')}
              </button>
            </>
          ) : (
            <progress max={u.size || 1} value={u.sent} aria-label={t('file.uploading', { name: u.name })} />
          )}
        </div>
      ))}
      {full ? null : (
        <input
          {...control}
          type="file"
          accept={accept}
          multiple={multiple}
          disabled={!limits}
          onChange={(e) => {
            pick(e.target.files);
            e.target.value = '';
          }}
        />
      )}
    </div>
  );
}
