import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { compileWorkflow, designWarnings, explorePaths, validateDefinition, type GuardRef, type StateNodeDefinition, type WorkflowDefinition } from '#libs/engine';

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

  /** Confidential marks name units the ward has (the engine knows only their shape). */
  it.each(files)('%s marks confidential fields only with units of the ward', (file) => {
    const ward = new Set((JSON.parse(readFileSync('workflows/seed/ward.json', 'utf8')) as { units: Array<{ key: string }> }).units.map((u) => u.key));
    const units = Object.values(load(file).fields ?? {}).flatMap((f) => f.confidential?.units ?? []);
    expect(units.filter((u) => !ward.has(u))).toEqual([]);
  });

  it('the denouncer and the citizens\' contact details are kept confidential (issue 18; docs/program.md)', () => {
    const marked = (file: string) => Object.entries(load(file).fields ?? {}).filter(([, f]) => f.confidential).map(([path]) => path);
    expect(marked('denunciation.json')).toEqual(['nguoiToCao', 'diaChiNguoiToCao', 'soDienThoaiNguoiToCao']);
    expect(marked('complaint.json')).toEqual(['diaChi', 'soDienThoai']);
    expect(marked('petition.json')).toEqual(['diaChi', 'soDienThoai']);
    expect(marked('citizen-reception.json')).toEqual(['toCao']);
  });

  it.each(files)('%s has no design warning (every human event has a sender rule and a payload schema)', (file) => {
    expect(designWarnings(load(file))).toEqual([]);
  });

  it.each(files)('%s has no dead end: every reachable configuration that is not done accepts some event', (file) => {
    expect(explorePaths(compileWorkflow(load(file))).deadEnds).toEqual([]);
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

  /**
   * Every refusal a person can cause is explained: each guard on a human event's transition that
   * looks at the data or the state of the case (anything but hasRole, inUnit and notSameActor, which
   * answer 403 of themselves) carries a `message`, or sits inside a guard that does. As the engine
   * reports them (runtime.ts), a refusal is read from the outermost guard with a message that said
   * no, looking into `all` only: a guard inside an `any` or a `not` is explained by that `any` or
   * `not` (or a guard around it), never by itself.
   */
  function unexplainedGuards(def: WorkflowDefinition): string[] {
    const PERSONAL = new Set(['hasRole', 'inUnit', 'notSameActor']);
    const out: string[] = [];
    const visit = (g: GuardRef, at: string, explained: boolean, reported: boolean): void => {
      // `reported`: the engine still looks at this guard on its own (only `all` is looked into).
      const says = explained || (reported && g.message !== undefined);
      const params = g.params ?? {};
      if (g.type === 'all' || g.type === 'any') {
        (params.guards as GuardRef[]).forEach((c, i) => visit(c, `${at}/params/guards/${i}`, says, reported && g.type === 'all'));
      } else if (g.type === 'not') {
        visit(params.guard as GuardRef, `${at}/params/guard`, says, false);
      } else if (!PERSONAL.has(g.type) && !says) {
        out.push(`${at} (${g.type})`);
      }
    };
    const walk = (node: StateNodeDefinition, at: string): void => {
      for (const [event, config] of Object.entries(node.on ?? {})) {
        if (def.events[event]?.kind !== 'human') continue;
        const list = Array.isArray(config) ? config : [config];
        list.forEach((t, i) => {
          const guard = typeof t === 'object' && t !== null ? t.guard : undefined;
          if (guard) visit(guard, `${at}/on/${event}${Array.isArray(config) ? `/${i}` : ''}/guard`, false, true);
        });
      }
      for (const [key, child] of Object.entries(node.states ?? {})) walk(child, `${at}/states/${key}`);
    };
    walk(def.machine, '/machine');
    return out;
  }

  it.each(files)('%s: every refusal a person can cause by the data or the state of the case says why (a guard message)', (file) => {
    expect(unexplainedGuards(load(file))).toEqual([]);
  });

  it('that check looks through all, any and not, and counts a message inside an any as unread', () => {
    const def = load('complaint.json');
    const date = { type: 'compare', params: { left: { path: 'payload.ngayThuLy' }, op: '>=', right: { path: 'context.ngayNhan' } } };
    const message = { vi: 'Ngày thụ lý không được trước ngày nhận đơn', en: 'The acceptance date may not be before the date received' };
    const role = { type: 'hasRole', params: { role: 'can-bo-xu-ly-don' } };
    const withGuard = (guard: unknown) => {
      const copy = JSON.parse(JSON.stringify(def)) as WorkflowDefinition;
      (copy.machine.states!.xuLy.states!.thuLy.on!.THU_LY as { guard: unknown }).guard = guard;
      return unexplainedGuards(copy);
    };
    const at = '/machine/states/xuLy/states/thuLy/on/THU_LY/guard';
    expect(withGuard({ type: 'all', params: { guards: [role, date] } })).toEqual([`${at}/params/guards/1 (compare)`]);
    expect(withGuard({ type: 'all', params: { guards: [role, { ...date, message }] } })).toEqual([]);
    expect(withGuard({ type: 'all', message, params: { guards: [role, date] } })).toEqual([]);
    expect(withGuard({ type: 'any', params: { guards: [role, { ...date, message }] } })).toEqual([`${at}/params/guards/1 (compare)`]);
    expect(withGuard({ type: 'not', message, params: { guard: { type: 'not', params: { guard: date } } } })).toEqual([]);
    expect(withGuard(role)).toEqual([]);
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
