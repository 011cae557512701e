import { Injectable } from '@nestjs/common';

/**
 * The time the scheduler believes it is. Production reads the system clock; tests move it (to
 * jump past deadlines) without sleeping.
 */
@Injectable()
export class Clock {
  /** CLOCK_OFFSET_MS shifts this process's idea of now (fault injection: a clock that jumped). */
  private offsetMs = Number(process.env.CLOCK_OFFSET_MS ?? 0) || 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves this process's clock forward (tests, and operators simulating a date). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  set(to: Date): void {
    this.offsetMs = to.getTime() - Date.now();
  }
}
