import type { INestApplicationContext } from '@nestjs/common';
import { demoServices } from './from-app.js';
import { alreadyMessage, refusedMessage, seededLines } from './report.js';
import { seedDemoYear } from './seed.js';

/**
 * The boot switch of the embedded default (PHOIHOP_DEMO=1 npm start): the demo year on a database
 * with no cases, nothing on one already seeded, and a warning (the server still starts) on one that
 * holds real cases.
 */
export async function seedDemoOnBoot(app: INestApplicationContext, logger: { log(m: string): void; warn(m: string): void }): Promise<void> {
  logger.log('demo: PHOIHOP_DEMO=1, seeding the demo ward year when the database holds no cases (a minute or two)');
  const outcome = await seedDemoYear(demoServices(app), { log: (line) => logger.log(`demo: ${line}`) });
  if (outcome.status === 'refused') logger.warn(refusedMessage(outcome.cases));
  if (outcome.status === 'already') logger.log(alreadyMessage(outcome.seededAt));
  if (outcome.status === 'seeded') for (const line of seededLines(outcome)) if (line) logger.log(line);
}
