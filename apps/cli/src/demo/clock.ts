import type { Random } from './random.js';

/**
 * When people act in the demo year: on working days (Monday to Friday in Việt Nam), during office
 * hours (08:00–16:30, UTC+7), a few days apart.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Moves `at` to office hours of the same or the next working day. */
export function officeHours(at: Date, random: Random): Date {
  let t = new Date(at);
  for (;;) {
    const local = new Date(t.getTime() + 7 * HOUR);
    const weekday = local.getUTCDay();
    if (weekday !== 0 && weekday !== 6) break;
    t = new Date(t.getTime() + DAY);
  }
  const day = new Date(t.getTime() + 7 * HOUR).toISOString().slice(0, 10);
  // 08:00–16:30 in Việt Nam is 01:00–09:30 UTC.
  return new Date(`${day}T${String(random.int(1, 9)).padStart(2, '0')}:${String(random.int(0, 5) * 10).padStart(2, '0')}:00.000Z`);
}

/** The next moment someone acts on a case, one to `spread` days after `at`. */
export function later(at: Date, random: Random, spread = 4): Date {
  return officeHours(new Date(at.getTime() + random.int(1, spread) * DAY), random);
}
