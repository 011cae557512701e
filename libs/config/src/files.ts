import type { Environment } from './env.js';

/** Where attachments' bytes live, as the settings say (docs/files.md). */
export type FileStoreSettings =
  | { kind: 'postgres' }
  | { kind: 'fs'; directory: string }
  | {
      kind: 's3';
      bucket: string;
      /** Key prefix inside the bucket ('' or ending in '/'). */
      prefix: string;
      endpoint?: string;
      region: string;
      forcePathStyle: boolean;
      credentials?: { accessKeyId: string; secretAccessKey: string };
    };

export interface FileSettings {
  store: FileStoreSettings;
  maxBytes: number;
}

/** FILE_STORE read as a store: `postgres`, `fs:PATH`, `s3://bucket[/prefix]`. */
export function fileStoreSettings(env: Pick<Environment, 'FILE_STORE' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'>): FileStoreSettings {
  const spec = env.FILE_STORE;
  if (spec.startsWith('fs:')) return { kind: 'fs', directory: spec.slice(3) };
  if (spec.startsWith('s3://')) {
    const [bucket, ...rest] = spec.slice(5).split('/');
    const prefix = rest.join('/').replace(/^\/+|\/+$/g, '');
    return {
      kind: 's3',
      bucket,
      prefix: prefix ? `${prefix}/` : '',
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      credentials: env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
    };
  }
  return { kind: 'postgres' };
}

export function fileSettings(env: Environment): FileSettings {
  return { store: fileStoreSettings(env), maxBytes: env.FILE_MAX_BYTES };
}
