/**
 * Failpoints: named places where a fault-injection run can make this process die on purpose, to
 * prove that a crash there loses nothing. Off unless PHOIHOP_FAILPOINTS lists the name
 * (comma-separated); each listed failpoint fires once, then the process exits as if SIGKILLed.
 * Never set in production: the fault suite (npm run test:faults) is the only user.
 */
const armed = new Set(
  (process.env.PHOIHOP_FAILPOINTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

export type FailpointName = 'relay-after-publish-before-mark';

export function failpoint(name: FailpointName): void {
  if (!armed.has(name)) return;
  process.stderr.write(`failpoint ${name}: exiting\n`);
  process.kill(process.pid, 'SIGKILL');
}
