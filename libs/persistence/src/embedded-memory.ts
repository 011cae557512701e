import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';

const MB = 2 ** 20;
/** PostgreSQL's own default: the floor, so a small machine is never given less than it would have. */
const FLOOR = 128 * MB;
/** Beyond this PostgreSQL gains little and the kernel's page cache is the better home for the rest. */
const CEILING = 8 * 1024 * MB;

/**
 * `shared_buffers` for the embedded server. `auto` follows PostgreSQL's advice for a dedicated
 * server, a quarter of the memory, within 128MB–8GB; the memory is the machine's or, in a
 * container, its cgroup's limit. PostgreSQL's 128MB default keeps a million cases' search rows
 * and indexes out of its buffers: every search then reads thousands of pages back from the kernel
 * (docs/benchmarks.md#search). Any other value is a PostgreSQL size, passed as it is.
 */
export function embeddedSharedBuffers(setting: string, memory: number = availableMemory()): string {
  if (setting !== 'auto') return setting;
  const quarter = Math.min(CEILING, Math.max(FLOOR, memory / 4));
  return `${Math.floor(quarter / MB)}MB`;
}

/** The machine's memory, or the cgroup's limit when that is lower (cgroup v2, then v1). */
export function availableMemory(read: (path: string) => string | undefined = readText): number {
  const limits = ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes']
    .map((path) => Number(read(path)?.trim()))
    .filter((n) => Number.isFinite(n) && n > 0);
  return Math.min(totalmem(), ...limits);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
