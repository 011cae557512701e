/**
 * @jest-environment ./apps/web/test/jsdom-environment.js
 */
// A DOM (the web app's test environment) so that Mermaid itself can be loaded to parse the output.
import { describe, expect, it } from '@jest/globals';
import { compileWorkflow, start, step, validateDefinition, type GuardRef, type WorkflowDefinition } from '../index.js';
import { actors, clone } from '../test-fixtures.js';
import { deadlineText, durationText, guardText, toMermaid } from './mermaid.js';

const L = (vi: string, en: string) => ({ vi, en });
const cmp = (path: string, op: string, value: unknown): GuardRef => ({ type: 'compare', params: { left: { path }, op, right: { value } } });

/**
 * A hall booking: four guarded branches of one event (the case the issue names: they used to be
 * drawn `[compare]` four times), a nested state with a deadline, escalation and reminders, and a
 * parallel state.
 */
const booking: WorkflowDefinition = {
  key: 'dat-hoi-truong',
  title: L('Đặt hội trường', 'Hall booking'),
  roles: { 'van-phong': L('Văn phòng', 'Office'), 'chu-tich': L('Chủ tịch', 'Chairman') },
  events: {
    GUI: {
      label: L('Gửi đăng ký', 'Submit'),
      kind: 'human',
      schema: { type: 'object', required: ['soNguoi'], properties: { soNguoi: { type: 'integer', minimum: 1 }, ketQua: { type: 'string' } } },
    },
    DUYET: { label: L('Duyệt', 'Approve'), kind: 'human' },
    XONG_A: { label: L('Xong âm thanh', 'Sound done'), kind: 'human' },
    XONG_B: { label: L('Xong trang trí', 'Decoration done'), kind: 'human' },
    QUA_HAN: { label: L('Quá hạn', 'Overdue'), kind: 'timer' },
  },
  machine: {
    initial: 'dangKy',
    states: {
      dangKy: {
        meta: { label: L('Đăng ký', 'Registration') },
        on: {
          GUI: [
            {
              target: 'xuLy',
              guard: { ...cmp('payload.soNguoi', '>', 200), description: L('trên 200 người', 'over 200 people') },
              description: 'hội trường lớn',
            },
            { target: 'boSung', guard: cmp('payload.ketQua', '==', 'thiếu') },
            { target: 'xuLy', guard: cmp('payload.ketQua', 'in', ['gấp', 'khẩn']) },
            {
              target: 'tuChoi',
              guard: {
                type: 'all',
                params: {
                  guards: [
                    { type: 'hasRole', params: { role: 'chu-tich' } },
                    { type: 'not', params: { guard: cmp('payload.soNguoi', '>=', 1000) } },
                  ],
                },
              },
            },
            { target: 'xuLy' },
          ],
        },
      },
      boSung: { meta: { label: L('Bổ sung', 'Completing') }, on: { GUI: 'dangKy' } },
      xuLy: {
        initial: 'thamDinh',
        meta: {
          label: L('Xử lý', 'Handling'),
          deadlines: [{ key: 'xuLy', label: L('Hạn xử lý', 'Handling limit'), after: { days: 30 } }],
        },
        onDone: 'xong',
        states: {
          thamDinh: {
            meta: {
              label: L('Thẩm định', 'Appraisal'),
              deadlines: [
                {
                  key: 'thamDinh',
                  after: { workingDays: 10 },
                  event: 'QUA_HAN',
                  reminders: [{ before: { workingDays: 2 } }],
                  escalate: { priority: 'urgent', addRoles: ['chu-tich'], notify: { roles: ['chu-tich'], message: L('Quá hạn', 'Overdue') } },
                },
                { key: 'hop', before: { duration: 'PT4H' }, from: { context: 'ngayHop' } },
              ],
            },
            on: {
              DUYET: { target: 'chuanBi', guard: { type: 'hasRole', params: { role: 'van-phong' } } },
              QUA_HAN: '#dat-hoi-truong.tuChoi',
            },
          },
          chuanBi: {
            type: 'parallel',
            meta: { label: L('Chuẩn bị', 'Preparation') },
            onDone: 'daXong',
            states: {
              a: { initial: 'lam', states: { lam: { on: { XONG_A: 'xongA' } }, xongA: { type: 'final' } } },
              b: { initial: 'lam', states: { lam: { on: { XONG_B: 'xongB' } }, xongB: { type: 'final' } } },
            },
          },
          daXong: { type: 'final' },
        },
      },
      xong: { type: 'final', meta: { label: L('Hoàn thành', 'Completed') } },
      tuChoi: { type: 'final', meta: { label: L('Từ chối', 'Refused') } },
    },
  },
};

const lines = (m: string) => m.split('\n').map((l) => l.trim());

/** Mermaid's own parser (the jison grammar of stateDiagram-v2): null when a text parses, else the error. */
async function mermaidParse(texts: string[]): Promise<Array<string | null>> {
  const { default: mermaid } = await import('mermaid');
  const out: Array<string | null> = [];
  for (const text of texts) {
    try {
      const r = await mermaid.parse(text);
      out.push(r && r.diagramType === 'stateDiagram' ? null : `not a state diagram: ${JSON.stringify(r)}`);
    } catch (e) {
      out.push(String((e as Error).message));
    }
  }
  return out;
}

/** The text as drawn: Mermaid entity codes decoded. */
const drawn = (s: string) => s.replace(/#(\d+);/g, (_, c: string) => String.fromCodePoint(Number(c)));

describe('toMermaid: diagrams people read', () => {
  const wf = compileWorkflow(booking);

  it("draws each guard readably from its params, in the diagram's language", () => {
    expect(guardText(cmp('payload.ketQua', '==', 'thiếu'))).toBe('ketQua = “thiếu”');
    expect(guardText(cmp('context.soNguoi', '>', 200))).toBe('soNguoi > 200');
    expect(guardText(cmp('context.soTien', '<=', 50000000), 'en')).toBe('soTien ≤ 50000000');
    expect(guardText(cmp('payload.loai', 'in', ['khieu-nai', 'to-cao', 'kien-nghi']))).toBe('loai là “khieu-nai”, “to-cao” hoặc “kien-nghi”');
    expect(guardText(cmp('payload.loai', 'notIn', ['a', 'b']), 'en')).toBe('loai is none of “a” or “b”');
    expect(guardText(cmp('payload.dongY', '==', true))).toBe('dongY = đúng');
    expect(guardText({ type: 'hasRole', params: { role: 'chu-tich' } })).toBe('có vai trò chu-tich');
    expect(guardText({ type: 'hasRole', params: { role: 'chu-tich' } }, 'en')).toBe('has role chu-tich');
    const both: GuardRef = {
      type: 'all',
      params: {
        guards: [
          { type: 'hasRole', params: { role: 'truong-phong' } },
          { type: 'exists', params: { path: 'payload.soQuyetDinh' } },
        ],
      },
    };
    expect(guardText(both)).toBe('có vai trò truong-phong và đã có soQuyetDinh');
    expect(guardText(both, 'en')).toBe('has role truong-phong and soQuyetDinh given');
    expect(guardText({ type: 'not', params: { guard: cmp('context.soLanTraLai', '>=', 3) } })).toBe('không phải (soLanTraLai ≥ 3)');
    expect(guardText({ type: 'not', params: { guard: both } }, 'en')).toBe('not (has role truong-phong and soQuyetDinh given)');
    expect(guardText({ type: 'not', params: { guard: { type: 'hasRole', params: { role: 'admin' } } } })).toBe('không có vai trò admin');
    expect(guardText({ type: 'any', params: { guards: [both, { type: 'inUnit', params: { unit: 'ubnd' } }] } })).toBe(
      '(có vai trò truong-phong và đã có soQuyetDinh) hoặc thuộc đơn vị ubnd',
    );
    expect(guardText({ type: 'notSameActor', params: { steps: ['@start', 'GUI'] } }, 'vi', (e) => (e === 'GUI' ? 'Gửi đăng ký' : e))).toBe(
      'không phải người đã tạo hồ sơ hoặc Gửi đăng ký',
    );
    expect(guardText({ type: 'childrenDone', params: { group: 'doan' } }, 'en')).toBe('children doan all done');

    const m = lines(toMermaid(wf));
    expect(m).toEqual(
      expect.arrayContaining([
        'dangKy --> boSung : Gửi đăng ký [ketQua = “thiếu”]',
        'dangKy --> xuLy : Gửi đăng ký [ketQua là “gấp” hoặc “khẩn”]',
        'dangKy --> tuChoi : Gửi đăng ký [có vai trò chu-tich và không phải (soNguoi ≥ 1000)]',
        'dangKy --> xuLy : Gửi đăng ký',
        'xuLy_thamDinh --> xuLy_chuanBi : Duyệt [có vai trò van-phong]',
      ]),
    );
    expect(lines(toMermaid(wf, { lang: 'en' }))).toEqual(
      expect.arrayContaining(['dangKy --> boSung : Submit [ketQua = “thiếu”]', 'dangKy --> tuChoi : Submit [has role chu-tich and not (soNguoi ≥ 1000)]']),
    );
    // `>` and `<` stay entity codes in the text; they are drawn as themselves.
    expect(m.map(drawn)).toContain('dangKy --> xuLy : Gửi đăng ký [trên 200 người] — hội trường lớn');
  });

  it("uses a guard's description in vi and en, nested ones too, and the transition's description", () => {
    const vi = toMermaid(wf);
    const en = toMermaid(wf, { lang: 'en' });
    expect(vi).toContain('dangKy --> xuLy : Gửi đăng ký [trên 200 người] — hội trường lớn\n');
    expect(en).toContain('dangKy --> xuLy : Submit [over 200 people] — hội trường lớn\n');
    expect(vi).not.toContain('soNguoi #62; 200');
    const nested: GuardRef = {
      type: 'any',
      params: {
        guards: [
          { ...cmp('payload.soNguoi', '>', 200), description: L('trên 200 người', 'over 200 people') },
          { type: 'hasRole', params: { role: 'chu-tich' } },
        ],
      },
    };
    expect(guardText(nested)).toBe('trên 200 người hoặc có vai trò chu-tich');
    expect(guardText({ type: 'not', params: { guard: (nested.params!.guards as GuardRef[])[0] } }, 'en')).toBe('not over 200 people');
  });

  it('draws deadlines, reminders and escalation in a note on their state', () => {
    expect(durationText({ workingDays: 10 })).toBe('10 ngày làm việc');
    expect(durationText({ days: 1 }, 'en')).toBe('1 day');
    expect(durationText({ duration: 'P1DT4H30M' })).toBe('1 ngày 4 giờ 30 phút');
    expect(durationText({ duration: 'PT4H' }, 'en')).toBe('4 hours');
    const [thamDinh, hop] = wf.states.get('xuLy.thamDinh')!.deadlines;
    const name = (e: string) => booking.events[e].label.vi;
    expect(deadlineText(thamDinh, 'vi', name)).toBe(
      '⏱ 10 ngày làm việc → Quá hạn · nhắc trước 2 ngày làm việc · ưu tiên khẩn · chuyển lên chu-tich · báo chu-tich',
    );
    expect(deadlineText(hop, 'en')).toBe('⏱ 4 hours before ngayHop');

    const m = lines(toMermaid(wf));
    expect(m).toContain('note right of xuLy : ⏱ Hạn xử lý — 30 ngày');
    // Two deadlines: one note (Mermaid keeps one a state), a line each.
    const at = m.indexOf('note right of xuLy_thamDinh');
    expect(m.slice(at, at + 4)).toEqual([
      'note right of xuLy_thamDinh',
      '⏱ 10 ngày làm việc → Quá hạn · nhắc trước 2 ngày làm việc · ưu tiên khẩn · chuyển lên chu-tich · báo chu-tich',
      '⏱ 4 giờ trước ngayHop',
      'end note',
    ]);
    expect(lines(toMermaid(wf, { lang: 'en' }))).toContain(
      '⏱ 10 working days → Overdue · reminder 2 working days before · priority urgent · escalated to chu-tich · notify chu-tich',
    );
  });

  it('draws a whole-case deadline on the (any state) node', () => {
    const def = clone(booking);
    def.machine.meta = { deadlines: [{ key: 'toanBo', after: { days: 60 }, event: 'QUA_HAN' }] };
    def.machine.on = { QUA_HAN: '.tuChoi' };
    const m = lines(toMermaid(compileWorkflow(def)));
    expect(m).toEqual(
      expect.arrayContaining(['state "(mọi trạng thái)" as root_any', 'note right of root_any : ⏱ 60 ngày → Quá hạn', 'root_any --> tuChoi : Quá hạn']),
    );
  });

  it('collapses a compound state: one node, the transitions of its children attached to it', () => {
    const full = toMermaid(wf);
    const m = toMermaid(wf, { collapse: ['xuLy'] });
    const l = lines(m);
    expect(l).toContain('state "Xử lý (…)" as xuLy');
    expect(m).not.toMatch(/xuLy_/); // nothing inside is drawn
    expect(l).toEqual(
      expect.arrayContaining([
        'dangKy --> xuLy : Gửi đăng ký [ketQua là “gấp” hoặc “khẩn”]',
        'xuLy --> xong : (hoàn thành)',
        // thamDinh's QUA_HAN leaves xuLy: drawn from the collapsed node.
        'xuLy --> tuChoi : Quá hạn',
        'note right of xuLy : ⏱ Hạn xử lý — 30 ngày',
      ]),
    );
    expect(m).not.toContain('Duyệt'); // between children: inside the node
    expect(m.split('\n').length).toBeLessThan(full.split('\n').length - 15);
    // By key, or by path, the same; an active state inside is shown on its collapsed ancestor.
    expect(toMermaid(wf, { collapse: ['xuLy'] })).toBe(toMermaid(wf, { depth: 1 }));
    const active = toMermaid(wf, { collapse: ['chuanBi'], active: ['xuLy.chuanBi.a.lam', 'xuLy.chuanBi.b.xongB'] });
    expect(lines(active)).toEqual(
      expect.arrayContaining([
        'state "Chuẩn bị (…)" as xuLy_chuanBi',
        'xuLy_thamDinh --> xuLy_chuanBi : Duyệt [có vai trò van-phong]',
        'xuLy_chuanBi --> xuLy_daXong : (hoàn thành)',
        'class xuLy_chuanBi active',
      ]),
    );
    expect(active).not.toContain('xuLy_chuanBi_a');
    expect(toMermaid(wf, { collapse: ['xuLy.chuanBi'] })).toBe(toMermaid(wf, { depth: 2 }));
    // Nothing to collapse: an atomic state, an unknown name.
    expect(toMermaid(wf, { collapse: ['dangKy', 'khongCo'] })).toBe(full);
  });

  it('keeps the existing marks: initial and final states, the (auto) and (done) labels, active states', () => {
    const l = lines(toMermaid(wf, { active: ['dangKy'] }));
    expect(l[0]).toBe('stateDiagram-v2');
    expect(l).toEqual(expect.arrayContaining(['[*] --> dangKy', 'state "Thẩm định" as xuLy_thamDinh', 'xong --> [*]', 'class dangKy active']));
  });

  it("stays valid stateDiagram-v2 for Mermaid's parser, with hostile labels too", async () => {
    const hostile = 'x"]; click a href "javascript:alert(1)"\n%%{init}%% <b>#1</b> end note: a;b';
    const def = clone(booking) as any;
    def.machine.states.dangKy.meta.label = L(hostile, hostile);
    def.events.GUI.label = L(hostile, hostile);
    def.machine.states.dangKy.on.GUI[0].guard.description = L(hostile, hostile);
    def.machine.states.dangKy.on.GUI[0].description = hostile;
    def.machine.states.dangKy.on.GUI[1].guard = cmp('payload.ketQua', '==', hostile);
    def.machine.states.xuLy.meta.deadlines[0].label = L(hostile, hostile);
    def.machine.states.xuLy.states.thamDinh.meta.deadlines[0].escalate.notify.users = [hostile];
    expect(validateDefinition(def).issues).toEqual([]);
    const hostileWf = compileWorkflow(def);
    const texts = [
      toMermaid(wf),
      toMermaid(wf, { lang: 'en' }),
      toMermaid(wf, { collapse: ['xuLy'] }),
      toMermaid(wf, { depth: 2, active: ['xuLy.chuanBi.a.lam'] }),
      toMermaid(hostileWf),
      toMermaid(hostileWf, { lang: 'en', depth: 1 }),
    ];
    // A broken text is refused, so the check is real.
    const broken = 'stateDiagram-v2\n  [*] --> a\n  state "q as b\n';
    expect(await mermaidParse([...texts, broken])).toEqual([...texts.map(() => null), expect.stringContaining('Parse error')]);
    for (const m of texts.slice(4)) {
      // Outside entity codes there is no semicolon, '%%' directive or '<'/'>' left; quotes only around state labels.
      expect(m.replace(/#\w+;/g, '').replace(/ --> /g, ' ')).not.toMatch(/[;<>]|%%/);
      expect(m.split('\n').filter((l) => /"/.test(l) && !/^\s*state "[^"]*" as [A-Za-z0-9_]+( \{)?$/.test(l))).toEqual([]);
      // Line breaks are ours only: one `end note` per multi-line note, every line inside starting with ⏱.
      const ls = m.split('\n');
      expect(ls.filter((l) => /^\s*end note$/.test(l)).length).toBe(ls.filter((l) => /^\s*note right of \w+$/.test(l)).length);
      ls.forEach((l, i) => i && /^\s*note right of \w+$/.test(ls[i - 1]) && expect(l.trim().startsWith('⏱')).toBe(true));
    }
  });
});

describe("a guard's description", () => {
  it('is a label allowed on any guard, nested ones too, and checked as one', () => {
    expect(validateDefinition(booking).issues).toEqual([]);
    const def = clone(booking) as any;
    def.machine.states.dangKy.on.GUI[3].guard.params.guards[1].params.guard.description = L('từ 1000 người', '1000 people or more');
    expect(validateDefinition(def).issues).toEqual([]);
    def.machine.states.dangKy.on.GUI[3].guard.params.guards[0].description = { vi: 'chủ tịch' };
    expect(validateDefinition(def).issues).toEqual([
      expect.objectContaining({ path: '/machine/states/dangKy/on/GUI/3/guard/params/guards/0/description/en', code: 'invalid_params' }),
    ]);
    def.machine.states.dangKy.on.GUI[3].guard.description = 'chủ tịch';
    expect(validateDefinition(def).issues).toEqual([
      expect.objectContaining({
        path: '/machine/states/dangKy/on/GUI/3/guard/description',
        code: 'invalid_type',
        message: expect.stringContaining('a label in Vietnamese and English'),
      }),
    ]);
  });

  it('is ignored when the guard is evaluated', () => {
    const plain = clone(booking) as any;
    delete plain.machine.states.dangKy.on.GUI[0].guard.description;
    const described = compileWorkflow(booking);
    const undescribed = compileWorkflow(plain);
    const run = (w: typeof described, soNguoi: number) => {
      const s0 = start(w, { ngayHop: '2026-02-01' }, { actor: actors.chuyenVien, at: '2026-01-05T02:00:00.000Z' }).state;
      return step(w, s0, { type: 'GUI', payload: { soNguoi, ketQua: 'thiếu' } }, { actor: actors.chuyenVien, at: '2026-01-05T03:00:00.000Z' }).state.value;
    };
    expect([run(described, 250), run(described, 150)]).toEqual([{ xuLy: 'thamDinh' }, 'boSung']);
    expect([run(undescribed, 250), run(undescribed, 150)]).toEqual([{ xuLy: 'thamDinh' }, 'boSung']);
    expect(JSON.stringify(described.machine.root.on)).not.toContain('trên 200');
  });
});
