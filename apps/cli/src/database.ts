import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadEnvironment } from '#libs/config';
import { EmbeddedPostgres, embeddedSharedBuffers } from '#libs/persistence';

export class NoDatabaseError extends Error {}

/**
 * The database the server would use: DATABASE_URL, or the embedded one under DATA_DIR (started if
 * needed, stopped after). With `mustExist`, a DATA_DIR without a cluster is an error instead of a
 * new empty cluster (a backup of nothing is a mistake; a restore into a new DATA_DIR is not).
 */
export async function withDatabase<T>(work: (url: string) => Promise<T>, options: { mustExist?: boolean } = {}): Promise<T> {
  const env = loadEnvironment();
  if (env.DATABASE_URL) return work(env.DATABASE_URL);
  const dataDir = join(env.DATA_DIR, 'pg');
  if (options.mustExist && !(await stat(join(dataDir, 'PG_VERSION')).then(() => true, () => false))) {
    throw new NoDatabaseError(`no embedded database in ${dataDir}: set DATA_DIR to the server's data directory, or DATABASE_URL`);
  }
  const embedded = await EmbeddedPostgres.start({
    dataDir,
    port: env.EMBEDDED_PG_PORT,
    database: 'phoihop',
    settings: { shared_buffers: embeddedSharedBuffers(env.EMBEDDED_PG_SHARED_BUFFERS) },
  });
  try {
    return await work(embedded.url);
  } finally {
    // Leave a server we adopted running: it belongs to a live `npm start`.
    if (!embedded.adopted) await embedded.stop();
  }
}
