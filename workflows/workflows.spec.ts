import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { designWarnings, validateDefinition, type StateNodeDefinition, type WorkflowDefinition } from '#libs/engine';

/** The admins' validator over every shipped workflow: CI refuses a definition it would refuse. */
describe('shipped workflows', () => {
  const files = readdirSync('workflows').filter((f) => f.endsWith('.json'));
  const load = (file: string) => JSON.parse(readFileSync(`workflows/${file}`, 'utf8')) as WorkflowDefinition;

  it('there is at least one', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s validates with no issue', (file) => {
    const { valid, issues } = validateDefinition(load(file));
    expect(issues).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(files)('%s has no design warning (every human event has a sender rule and a payload schema)', (file) => {
    expect(designWarnings(load(file))).toEqual([]);
  });

  /**
   * Who may send a human event is always decided by a rule: in every (non-final, atomic) state in
   * which the event is accepted — handled by that state or an ancestor — either the task of that
   * state or of an ancestor lists it as an outcome (the task's assignee or candidates decide), or
   * the event names its senders in `sentBy`. A task in another parallel region does not count: it
   * may be closed while the event is still accepted.
   */
  function unruledEvents(def: WorkflowDefinition): string[] {
    const unruled: string[] = [];
    const walk = (node: StateNodeDefinition, path: string, accepted: Set<string>, outcomes: Set<string>): void => {
      const acc = new Set([...accepted, ...Object.keys(node.on ?? {})]);
      const out = new Set([...outcomes, ...(node.meta?.task?.outcomes ?? [])]);
      const children = Object.entries(node.states ?? {});
      if (children.length) {
        for (const [key, child] of children) walk(child, path ? `${path}.${key}` : key, acc, out);
        return;
      }
      if (node.type === 'final') return;
      for (const type of acc) {
        const ev = def.events[type];
        if (ev?.kind === 'human' && !out.has(type) && !ev.sentBy) unruled.push(`${type} in ${path || '(root)'}`);
      }
    };
    walk(def.machine, '', new Set(), new Set());
    return unruled;
  }

  it.each(files)('%s: every human event is a task outcome wherever it is accepted, or has a sentBy', (file) => {
    expect(unruledEvents(load(file))).toEqual([]);
  });

  it('that check notices an event that is a task outcome in one state but accepted without a task in another', () => {
    // The campaign's list is closed by the chotDanhSach task, and also early, while registration is open.
    const def = load('dan-van-kheo-campaign.json');
    const { sentBy: _ignored, ...withoutSender } = def.events.CHOT_DANH_SACH;
    const broken = { ...def, events: { ...def.events, CHOT_DANH_SACH: withoutSender } } as WorkflowDefinition;
    expect(designWarnings(broken)).toEqual([]); // the validator's warning looks only for events no task lists
    expect(unruledEvents(broken)).toEqual(['CHOT_DANH_SACH in dangKy.moDangKy']);
  });
});
