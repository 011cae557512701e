import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { deadlineSpecOf, type CompiledWorkflow, type Effect } from '#libs/engine';
import { CalendarService } from './calendar.service.js';
import { planTimers, type DeadlineMap, type TimerPlan } from './deadline-plan.js';

/** The timers a transition arms, cancels, extends or fires, on the working calendar as it is now. */
@Injectable()
export class TimerPlanner {
  constructor(private readonly calendar: CalendarService) {}

  /** `context`: the case as this transition leaves it (a deadline's length may come from it). */
  async plan(workflow: CompiledWorkflow, effects: readonly Effect[], deadlines: DeadlineMap, context: Record<string, unknown>, at: Date, fire?: { timerId: string; deadlineKey: string }): Promise<TimerPlan> {
    const timed = effects.some((e) => e.type === 'timer.arm' || e.type === 'timer.cancel' || e.type === 'timer.extend');
    // Most transitions touch no timer: their running deadlines stay as they are, without reading the calendar.
    if (!timed && !fire) {
      const dues = Object.values(deadlines).map((d) => Date.parse(d.dueAt));
      return { arm: [], cancelStates: [], cancelReminderKeys: [], extend: [], fire: null, moved: [], deadlines, nextDueAt: dues.length ? new Date(Math.min(...dues)) : null };
    }
    return planTimers({
      effects: [...effects],
      deadlines,
      calendar: await this.calendar.current(),
      at: at.toISOString(),
      newId: randomUUID,
      specOf: (key) => deadlineSpecOf(workflow, key, context, at.toISOString()),
      fire,
    });
  }
}
