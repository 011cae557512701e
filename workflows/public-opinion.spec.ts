import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Scenario } from '../test/support/scenario.js';
import { paths, refusal, reasons } from '../test/support/steps.js';

/**
 * The monthly report on people's thinking and public opinion (program II.2): the round (parent)
 * starts one submission (child) per reporting unit, each task given to that unit only; an urgent
 * issue is passed on the same day; a unit that never reports is closed after 10 working days; the
 * Office compiles and the secretary sends the report to the Board and the Party Committee.
 */
const PARENT = 'workflows/public-opinion-report.json';
const CHILD = 'workflows/public-opinion-submission.json';
const FILES = [CHILD, PARENT];

function people(s: Scenario) {
  return {
    system: s.person('system', [{ role: 'system', unit: 'phuong-an-phong' }]),
    office: s.person('van-phong-1', [{ role: 'van-phong-dang-uy-ubnd', unit: 'van-phong-dang-uy-ubnd' }]),
    secretary: s.person('bi-thu-1', [{ role: 'bi-thu-dang-uy-ubnd', unit: 'dang-uy-ubnd' }]),
    group: s.person('to-truong-5', [{ role: 'truong-phong', unit: 'to-dan-pho' }]),
    front: s.person('mttq-1', [{ role: 'mttq', unit: 'mttq' }]),
    headKt: s.person('truong-phong-kt', [{ role: 'truong-phong', unit: 'phong-kinh-te' }]),
  };
}

const report = (extra: Record<string, unknown> = {}) => ({
  ngayBaoCao: '2026-03-17',
  tinhHinhTuTuong: 'Nhân dân phấn khởi, tin tưởng vào sự lãnh đạo của cấp ủy, chính quyền.',
  duLuanNoiBat: ['Quan tâm tiến độ chỉnh trang tuyến đường ven sông'],
  soYKienPhanAnh: 14,
  coVanDeNoiCom: false,
  ...extra,
});

describe('public-opinion: the definitions and the schedule', () => {
  const parent = JSON.parse(readFileSync(PARENT, 'utf8'));
  const child = JSON.parse(readFileSync(CHILD, 'utf8'));
  it('a round is started at 08:00 on the 15th of every month; each child’s task goes to its own unit', () => {
    expect(parent.schedules).toEqual([expect.objectContaining({ key: 'hang-thang', cron: '0 8 15 * *', businessKey: 'DLXH-{yyyy}-{mm}', input: {} })]);
    expect(child.machine.states.soanBaoCao.meta.task.units).toBe('=donVi');
    expect(child.machine.states.tiepNhan.meta.deadlines[1]).toMatchObject({ key: 'bao-cao-nhanh', when: '=coVanDeNoiCom', after: { days: 0 } });
  });
});

describe('public-opinion: the March 2026 round with three units', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  let kids: Record<string, string>;
  beforeAll(async () => {
    s = await Scenario.open(FILES, '2026-03-16T02:00:00.000Z'); // Mon 16 Mar 2026
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the Office opens the round: one submission per unit, each task only for that unit, due in 5 working days', async () => {
    const view = await s.start('public-opinion-report', p.office, { donViBaoCao: [{ donVi: 'to-dan-pho' }, { donVi: 'mttq' }, { donVi: 'phong-kinh-te' }] });
    id = view.id;
    expect(paths(view)).toEqual(['thuThap']);
    const children = await s.children(id);
    expect(children.map((c) => [c.group, c.key, (c as unknown as { definition: { key: string } }).definition.key])).toEqual([
      ['baoCao', 'baoCao#0', 'public-opinion-submission'],
      ['baoCao', 'baoCao#1', 'public-opinion-submission'],
      ['baoCao', 'baoCao#2', 'public-opinion-submission'],
    ]);
    kids = { group: children[0].id, front: children[1].id, kt: children[2].id };
    expect(await s.openTasks(kids.group)).toEqual([expect.objectContaining({ state: 'soanBaoCao', roles: ['truong-phong', 'mttq'], units: ['to-dan-pho'] })]);
    expect(await s.openTasks(kids.kt)).toEqual([expect.objectContaining({ units: ['phong-kinh-te'] })]);
    expect((await s.get(kids.group)).deadlines.map((d) => [d.key, d.dueDate]).sort()).toEqual([
      ['chot-ky', '2026-03-30'],
      ['han-nop', '2026-03-23'],
    ]);
  });

  it('a unit cannot report in another unit’s case; an urgent issue must be described', async () => {
    expect((await refusal(s.send(kids.front, p.group, 'NOP_BAO_CAO', report()))).code).toBe('INSTANCE_NOT_FOUND');
    const vague = await refusal(s.send(kids.group, p.group, 'NOP_BAO_CAO', report({ coVanDeNoiCom: true })));
    expect(vague.code).toBe('GUARD_REJECTED');
    expect(reasons(vague)).toEqual([['vanDeNoiCom', 'You marked an urgent issue: describe it.']]);
  });

  it('an urgent issue is due to be passed on by the end of the same day; late, it is escalated', async () => {
    await s.advanceTo('2026-03-17T03:00:00.000Z'); // Tue 17 Mar, 10:00
    let view = await s.send(kids.group, p.group, 'NOP_BAO_CAO', report({ coVanDeNoiCom: true, vanDeNoiCom: 'Khoảng 40 hộ dân tổ dân phố số 5 tập trung phản đối việc thu hồi đất làm bãi đỗ xe.' }));
    expect(paths(view)).toEqual(['tiepNhan']);
    expect(view.deadlines.map((d) => [d.key, d.dueDate]).sort()).toEqual([
      ['bao-cao-nhanh', '2026-03-17'],
      ['han-tiep-nhan', '2026-03-19'],
    ]);
    expect(await s.effects(kids.group)).toContainEqual(
      expect.objectContaining({ type: 'notify', roles: ['van-phong-dang-uy-ubnd', 'pho-truong-ban-xddd', 'bi-thu-dang-uy-ubnd'] }),
    );
    const fired = await s.advanceTo('2026-03-17T23:00:00.000Z'); // 06:00 on Wed 18 Mar
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'bao-cao-nhanh', '2026-03-17T15:00:00.000Z'],
      ['deadline', 'bao-cao-nhanh', '2026-03-17T17:00:00.000Z'],
    ]);
    view = await s.get(kids.group);
    expect(view.context.quaHanBaoCaoNhanh).toBe(true);
    expect(await s.openTasks(kids.group)).toEqual([expect.objectContaining({ state: 'tiepNhan', priority: 3 })]);
    expect(await s.effects(kids.group)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['bi-thu-dang-uy-ubnd', 'truong-ban-xddd'] }));
  });

  it('the Office accepts the urgent report only with the number and date of the urgent report it sent', async () => {
    const missing = await refusal(s.send(kids.group, p.office, 'TIEP_NHAN', { nhanXet: 'Đã nắm tình hình' }));
    expect(reasons(missing)).toEqual([
      ['soBaoCaoNhanh', 'The report raises an urgent issue: give the number and date of the urgent report sent to the Party Building Board and the Standing Members.'],
    ]);
    const view = await s.send(kids.group, p.office, 'TIEP_NHAN', { soBaoCaoNhanh: '07-BC/ĐUUBND', ngayBaoCaoNhanh: '2026-03-18' });
    expect(paths(view)).toEqual(['daTiepNhanNoiCom']);
    const effects = await s.effects(kids.group);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd', 'thuong-truc-dang-uy'] }));
    expect(effects).toContainEqual(expect.objectContaining({ type: 'emit', topic: 'du-luan.noi-com', data: expect.objectContaining({ donVi: 'to-dan-pho', soBaoCaoNhanh: '07-BC/ĐUUBND' }) }));
    expect(effects.find((e) => e.type === 'instance.done')).toMatchObject({ output: { nop: true, noiCom: true } });
  });

  it('an ordinary report has no same-day limit; the Office asks for more once, then accepts', async () => {
    let view = await s.send(kids.front, p.front, 'NOP_BAO_CAO', report());
    expect(view.deadlines.map((d) => d.key)).toEqual(['han-tiep-nhan']);
    view = await s.send(kids.front, p.office, 'YEU_CAU_BO_SUNG', { noiDungCanBoSung: 'Bổ sung ý kiến của các đoàn thể.' });
    expect(paths(view)).toEqual(['soanBaoCao']);
    await s.send(kids.front, p.front, 'NOP_BAO_CAO', report({ soYKienPhanAnh: 20 }));
    view = await s.send(kids.front, p.office, 'TIEP_NHAN', {});
    expect(paths(view)).toEqual(['daTiepNhan']);
    expect(paths(await s.get(id))).toEqual(['thuThap']);
  });

  it('a unit that never reports is reminded, escalated after 5 working days and closed after 10; the round moves on', async () => {
    const fired = await s.advanceTo('2026-03-31T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-nop', '2026-03-20T00:30:00.000Z'],
      ['deadline', 'han-nop', '2026-03-23T17:00:00.000Z'],
      ['reminder', 'chot-ky', '2026-03-26T00:30:00.000Z'],
      ['deadline', 'chot-ky', '2026-03-30T17:00:00.000Z'],
    ]);
    expect(paths(await s.get(kids.kt))).toEqual(['khongNop']);
    const round = await s.get(id);
    expect(paths(round)).toEqual(['tongHop']);
    expect((round.context._children as any).baoCao.results.map((r: any) => [r.key, r.state, r.output])).toEqual([
      ['baoCao#0', 'daTiepNhanNoiCom', { nop: true, noiCom: true }],
      ['baoCao#1', 'daTiepNhan', { nop: true, noiCom: false }],
      ['baoCao#2', 'khongNop', { nop: false, noiCom: false }],
    ]);
    expect(round.deadlines).toEqual([expect.objectContaining({ key: 'han-tong-hop', dueDate: '2026-04-03' })]);
  });

  it('the Office compiles (counts checked), the secretary returns it once, then signs and sends it', async () => {
    const compiled = { soDonViDaNop: 2, soDonViKhongNop: 1, tinhHinhTuTuong: 'Tình hình tư tưởng ổn định.', vanDeNoiCom: ['Phản đối thu hồi đất tại tổ dân phố số 5'] };
    const wrong = await refusal(s.send(id, p.office, 'TONG_HOP', { ...compiled, soDonViDaNop: 4 }));
    expect(reasons(wrong)).toEqual([['soDonViDaNop', 'More units reported than were asked.']]);
    let view = await s.send(id, p.office, 'TONG_HOP', compiled);
    expect(paths(view)).toEqual(['kyGui']);
    view = await s.send(id, p.secretary, 'TRA_LAI', { yKien: 'Bổ sung đề xuất định hướng dư luận.' });
    expect(paths(view)).toEqual(['tongHop']);
    await s.send(id, p.office, 'TONG_HOP', { ...compiled, deXuatDinhHuong: 'Tổ chức đối thoại tại tổ dân phố số 5.' });
    view = await s.send(id, p.secretary, 'KY_GUI', { soBaoCao: '09-BC/ĐUUBND', ngayBaoCao: '2026-04-02' });
    expect(view.status).toBe('done');
    const effects = await s.effects(id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd', 'thuong-truc-dang-uy'] }));
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'du-luan.bao-cao', data: expect.objectContaining({ soBaoCao: '09-BC/ĐUUBND', soDonViDaNop: 2, soDonViKhongNop: 1 }) }),
    );
  });
});

describe('public-opinion: the schedule on a Sunday', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open(FILES, '2026-03-13T00:00:00.000Z', { schedules: true });
  });
  afterAll(async () => {
    await s.close();
  });

  it('15 Mar 2026 is a Sunday: the round starts on Mon 16 Mar with the six default units', async () => {
    const fired = await s.advanceTo('2026-03-16T03:00:00.000Z');
    const started = fired.filter((f) => f.kind === 'schedule' && !f.outcome.startsWith('moved'));
    expect(started).toHaveLength(1);
    const view = await s.get(started[0].outcome);
    expect(view.businessKey).toBe('DLXH-2026-03');
    const units = await Promise.all((await s.children(view.id)).map(async (c) => (await s.openTasks(c.id))[0].units));
    expect(units).toEqual([['to-dan-pho'], ['mttq'], ['phong-van-hoa-xa-hoi'], ['phong-kinh-te'], ['bo-phan-tiep-cong-dan'], ['trung-tam-phuc-vu-hanh-chinh-cong']]);
  });
});
