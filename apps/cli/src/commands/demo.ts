import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadEnvironment } from '#libs/config';
import { SeedService, type WardSeed } from '#libs/identity';
import { createApp } from '../../../api/src/create-app.js';
import { EXIT, run } from '../cli.js';
import { withDatabase } from '../database.js';
import { demoServices } from '../demo/from-app.js';
import { alreadyMessage, refusedMessage, seededLines } from '../demo/report.js';
import { seedDemoYear } from '../demo/seed.js';
import { demo as demoSpec } from '../specs.js';

/** `phoihop demo`: the demo ward year in the embedded database (docs/demo.md). */
export async function demo(args: string[]): Promise<number> {
  return run(demoSpec, args, seed);
}

async function seed(): Promise<number> {
  const env = loadEnvironment();
  if (env.DATABASE_URL) {
    // A database of one's own may be a real deployment's: demo accounts and cases have no place there.
    console.error(
      'Từ chối: DATABASE_URL đang được đặt; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu nhúng (bỏ DATABASE_URL, đặt DATA_DIR).\n' +
        'Refused: DATABASE_URL is set; demo data goes only into the embedded database (unset DATABASE_URL, set DATA_DIR).',
    );
    return EXIT.failed;
  }
  return withDatabase(async (databaseUrl) => {
    // The application as `npm start` builds it, without HTTP or queues: migrations and the shipped
    // workflows at init, then the same units and demo accounts, then the runtime's own services.
    const app = await createApp({
      databaseUrl,
      poolSize: 4,
      runMigrations: true,
      workflowsDir: env.WORKFLOWS_DIR || undefined,
      auth: { jwtSecret: randomBytes(32).toString('base64url'), accessTtlSeconds: 900, maxFailures: 10, lockoutWindowMs: 60_000 },
      logLevel: 'warn',
      webDir: false,
    });
    try {
      await app.init();
      const ward = JSON.parse(await readFile(join(env.WORKFLOWS_DIR || './workflows', 'seed', 'ward.json'), 'utf8')) as WardSeed;
      const seeder = app.get(SeedService);
      await seeder.seedUnits(ward);
      const credentials = join(env.DATA_DIR, 'demo-credentials.txt');
      await seeder.seedDemoUsers(ward, { password: env.DEMO_PASSWORD, credentialsFile: credentials });
      const outcome = await seedDemoYear(demoServices(app), { log: (line) => process.stderr.write(`${line}\n`) });
      if (outcome.status === 'refused') {
        console.error(refusedMessage(outcome.cases));
        return EXIT.failed;
      }
      if (outcome.status === 'already') {
        console.log(alreadyMessage(outcome.seededAt));
        return EXIT.ok;
      }
      console.log(seededLines(outcome, credentials).join('\n'));
      return EXIT.ok;
    } finally {
      await app.close();
    }
  });
}
