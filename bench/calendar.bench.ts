import { WorkingCalendar } from '#libs/calendar';
import { fmt, machine } from './support.js';

/** npm run bench:calendar — working-day arithmetic throughput (addWorkingDays with cached holiday sets). */
const cal = new WorkingCalendar([
  { date: '2026-02-14', kind: 'day-off' },
  { date: '2026-02-15', kind: 'day-off' },
]);
const starts = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
cal.addWorkingDays('2026-01-01', 400);
console.log(`bench:calendar on ${machine()}`);
for (let run = 1; run <= 3; run++) {
  const t0 = performance.now();
  for (let i = 0; i < 100_000; i++) cal.addWorkingDays(starts[i % 365]!, 1 + (i % 30));
  const ms = performance.now() - t0;
  console.log(`run ${run}: 100,000 addWorkingDays calls in ${ms.toFixed(1)} ms (${fmt(100_000 / (ms / 1000))} calls/s)`);
}
