import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/PID/stat after the command name (which may hold spaces); undefined once the process is gone. */
function procStat(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Linux's USER_HZ: the unit of utime and stime in /proc/PID/stat (100 on every platform Node runs on). */
const CLOCK_TICKS = 100;

/** CPU time (user + system, ms) of a process so far; 0 once it is gone. */
export function cpuMs(pid: number): number {
  // State is the first field after the name, the parent the second, utime the 12th, stime the 13th.
  const fields = procStat(pid);
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS : 0;
}

/** The PostgreSQL server's processes: the postmaster (its data directory's postmaster.pid) and its children, the backends. */
export function postgresPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  const children = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && Number(procStat(entry)?.[1]) === postmaster);
  return [postmaster, ...children.map(Number)];
}

/**
 * CPU spent per request by each group of processes over a measure: on two cores shared by the load
 * generator, the database and the api, a rate says how the cores were shared; CPU per request says
 * what each part costs. Groups are sampled again at the end (PostgreSQL starts backends as it goes).
 */
export class CpuMeter {
  private readonly before = new Map<number, number>();
  private generatorBefore = 0;

  constructor(private readonly groups: Record<string, () => number[]>) {}

  start(): void {
    for (const pids of Object.values(this.groups)) for (const pid of pids()) this.before.set(pid, cpuMs(pid));
    this.generatorBefore = this.self();
  }

  /**
   * Milliseconds of CPU per request for each group since start(), and their total. A process that
   * started meanwhile (a new backend) counts from zero; one that ended meanwhile is left out.
   */
  perRequest(requests: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, pids] of Object.entries(this.groups)) {
      out[name] = pids().reduce((t, pid) => t + Math.max(0, cpuMs(pid) - (this.before.get(pid) ?? 0)), 0) / requests;
    }
    out.generator = (this.self() - this.generatorBefore) / requests;
    out.total = Object.values(out).reduce((a, b) => a + b, 0);
    return out;
  }

  private self(): number {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
}
