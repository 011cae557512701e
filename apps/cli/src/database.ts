import { join } from 'node:path';
import { loadEnvironment } from '#libs/config';
import { EmbeddedPostgres } from '#libs/persistence';

/** The database the server would use: DATABASE_URL, or the embedded one under DATA_DIR (started if needed, stopped after). */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const env = loadEnvironment();
  if (env.DATABASE_URL) return work(env.DATABASE_URL);
  const embedded = await EmbeddedPostgres.start({ dataDir: join(env.DATA_DIR, 'pg'), port: env.EMBEDDED_PG_PORT, database: 'phoihop' });
  try {
    return await work(embedded.url);
  } finally {
    // Leave a server we adopted running: it belongs to a live `npm start`.
    if (!embedded.adopted) await embedded.stop();
  }
}
