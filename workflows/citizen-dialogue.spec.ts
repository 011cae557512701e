import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Scenario } from '../test/support/scenario.js';
import { paths, refusal, reasons } from '../test/support/steps.js';

/**
 * The yearly dialogue with the people (program II.3, II.4): plan, notice, minutes listing every
 * issue raised; each issue not answered on the spot becomes a dialogue-issue case given to the
 * unit the minutes name, due in the days the presider set; the dialogue waits for every answer,
 * then publishes the results.
 */
const PARENT = 'workflows/citizen-dialogue.json';
const CHILD = 'workflows/dialogue-issue.json';
const FILES = [CHILD, PARENT];

function people(s: Scenario) {
  return {
    office: s.person('cb-van-phong', [{ role: 'can-bo-van-phong', unit: 'van-phong-hdnd-ubnd' }]),
    chairman: s.person('chu-tich', [{ role: 'chu-tich', unit: 'ubnd' }]),
    headKt: s.person('truong-phong-kt', [{ role: 'truong-phong', unit: 'phong-kinh-te' }]),
    headVh: s.person('truong-phong-vh', [{ role: 'truong-phong', unit: 'phong-van-hoa-xa-hoi' }]),
  };
}

const plan = {
  nam: 2026,
  soKeHoach: '45/KH-UBND',
  ngayBanHanh: '2026-03-10',
  ngayDoiThoai: '2026-03-27',
  diaDiem: 'Hội trường UBND phường',
  chuDe: 'Chỉnh trang đô thị, thủ tục hành chính, thiết chế văn hóa',
  chuTri: 'chu-tich',
  hinhThuc: 'ket-hop',
};
const issues = [
  { noiDung: 'Ngõ 12 đường Ven Sông ngập úng khi mưa lớn', nguoiNeu: 'Ông Trần Văn Bình, tổ dân phố số 2', donViGiaiQuyet: 'phong-kinh-te', soNgayGiaiQuyet: 20, traLoiTaiCho: false },
  {
    noiDung: 'Thời gian cấp giấy chứng nhận quyền sử dụng đất',
    nguoiNeu: 'Bà Lê Thị Mai, tổ dân phố số 7',
    donViGiaiQuyet: 'trung-tam-phuc-vu-hanh-chinh-cong',
    soNgayGiaiQuyet: 15,
    traLoiTaiCho: true,
    noiDungTraLoi: 'Chủ tịch đã trả lời tại hội nghị.',
  },
  { noiDung: 'Thiếu sân chơi cho trẻ em khu tái định cư', nguoiNeu: 'Ông Phạm Văn Dũng, tổ dân phố số 9', donViGiaiQuyet: 'phong-van-hoa-xa-hoi', soNgayGiaiQuyet: 45, traLoiTaiCho: false },
];
const answer = (ngayVanBan: string) => ({ soVanBan: '112/UBND-VP', ngayVanBan, ketQua: 'da-giai-quyet', noiDungTraLoi: 'Đã khảo sát, đưa vào kế hoạch cải tạo.' });

describe('citizen-dialogue: the definitions', () => {
  const parent = JSON.parse(readFileSync(PARENT, 'utf8'));
  const child = JSON.parse(readFileSync(CHILD, 'utf8'));
  it('one child per issue not answered on the spot, its unit and limit taken from the minutes', () => {
    expect(parent.machine.states.giaiQuyet.entry[0].params).toMatchObject({ group: 'vanDe', definition: 'dialogue-issue', forEach: 'context.vanDe', where: '=not(item.traLoiTaiCho)' });
    expect(child.machine.states.giaiQuyet.meta.task.units).toBe('=donViGiaiQuyet');
    expect(child.machine.states.giaiQuyet.meta.deadlines[0].after).toEqual({ days: '=if soNgayGiaiQuyet = null then 30 else soNgayGiaiQuyet' });
    expect(parent.schedules).toEqual([expect.objectContaining({ cron: '0 8 1 3 *', businessKey: 'DTND-{yyyy}' })]);
  });
});

describe('citizen-dialogue: the 2026 dialogue, three issues raised', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  let kids: string[];
  beforeAll(async () => {
    s = await Scenario.open(FILES, '2026-03-02T02:00:00.000Z'); // Mon 2 Mar 2026
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the office plans within 20 working days; a dialogue dated before the plan is refused', async () => {
    const view = await s.start('citizen-dialogue', p.office, { nam: 2026 }, 'DTND-2026');
    id = view.id;
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-ke-hoach', dueDate: '2026-03-30' })]);
    await s.advanceTo('2026-03-10T02:00:00.000Z');
    const before = await refusal(s.send(id, p.office, 'KE_HOACH', { ...plan, ngayDoiThoai: '2026-03-09' }));
    expect(reasons(before)).toEqual([['ngayDoiThoai', 'The dialogue may not be dated before the plan.']]);
    const next = await s.send(id, p.office, 'KE_HOACH', plan);
    expect(paths(next)).toEqual(['thongBao']);
    // At least 7 days before Fri 27 Mar: Fri 20 Mar.
    expect(next.deadlines).toEqual([expect.objectContaining({ key: 'han-thong-bao', dueDate: '2026-03-20' })]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['mttq', 'pho-truong-ban-xddd', 'bi-thu-dang-uy-ubnd'] }));
  });

  it('the people are told before the dialogue; the minutes are due 2 working days after it', async () => {
    await s.advanceTo('2026-03-16T02:00:00.000Z');
    const late = await refusal(s.send(id, p.office, 'THONG_BAO', { soThongBao: '50/TB-UBND', ngayThongBao: '2026-03-28', kenhThongBao: ['loa-truyen-thanh'] }));
    expect(reasons(late)).toEqual([['ngayThongBao', 'The notice may not be dated after the dialogue.']]);
    const view = await s.send(id, p.office, 'THONG_BAO', { soThongBao: '50/TB-UBND', ngayThongBao: '2026-03-16', kenhThongBao: ['loa-truyen-thanh', 'cong-thong-tin-dien-tu', 'to-dan-pho-thong-bao'] });
    expect(paths(view)).toEqual(['toChuc']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-bien-ban', dueDate: '2026-03-31' })]);
  });

  it('the minutes list three issues; the one answered on the spot starts no case', async () => {
    await s.advanceTo('2026-03-27T09:00:00.000Z');
    const view = await s.send(id, p.office, 'BIEN_BAN', {
      soBienBan: '02/BB-UBND',
      ngayDoiThoai: '2026-03-27',
      soNguoiThamDu: 135,
      thanhPhan: ['Bí thư Đảng ủy phường', 'Chủ tịch UBND phường', 'Chủ tịch Ủy ban MTTQ Việt Nam phường'],
      vanDe: issues,
      ketLuan: 'Giao các đơn vị trả lời bằng văn bản trong thời hạn đã nêu.',
    });
    expect(paths(view)).toEqual(['giaiQuyet']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-giai-quyet-chung', dueDate: '2026-06-25' })]);
    const children = await s.children(id);
    expect(children.map((c) => c.key)).toEqual(['vanDe#0', 'vanDe#1']);
    kids = children.map((c) => c.id);
    expect(await s.openTasks(kids[0])).toEqual([expect.objectContaining({ state: 'giaiQuyet', roles: ['truong-phong'], units: ['phong-kinh-te'] })]);
    expect(await s.openTasks(kids[1])).toEqual([expect.objectContaining({ units: ['phong-van-hoa-xa-hoi'] })]);
    // 20 days from Fri 27 Mar: Thu 16 Apr; 45 days: Mon 11 May.
    expect((await s.get(kids[0])).deadlines).toEqual([expect.objectContaining({ key: 'han-giai-quyet', dueDate: '2026-04-16' })]);
    expect((await s.get(kids[1])).deadlines).toEqual([expect.objectContaining({ key: 'han-giai-quyet', dueDate: '2026-05-11' })]);
  });

  it('an issue that is not the unit’s is reassigned by the office; the new unit answers it, the limit unchanged', async () => {
    await s.advanceTo('2026-03-30T02:00:00.000Z');
    expect((await refusal(s.send(kids[0], p.headVh, 'TRA_LOI', answer('2026-03-30')))).code).toBe('INSTANCE_NOT_FOUND');
    let view = await s.send(kids[0], p.headKt, 'DE_NGHI_CHUYEN', { lyDo: 'Ngõ 12 nằm trong dự án chỉnh trang khu di tích do Phòng Văn hóa - Xã hội chủ trì.' });
    expect(paths(view)).toEqual(['phanCongLai']);
    const same = await refusal(s.send(kids[0], p.office, 'PHAN_CONG', { donViGiaiQuyet: 'phong-kinh-te' }));
    expect(reasons(same)).toEqual([['donViGiaiQuyet', 'Choose a unit other than the one that asked to pass it on.']]);
    view = await s.send(kids[0], p.office, 'PHAN_CONG', { donViGiaiQuyet: 'phong-van-hoa-xa-hoi' });
    expect(paths(view)).toEqual(['giaiQuyet']);
    expect(await s.openTasks(kids[0])).toEqual([expect.objectContaining({ units: ['phong-van-hoa-xa-hoi'] })]);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-giai-quyet', dueDate: '2026-04-16' })]);
    const early = await refusal(s.send(kids[0], p.headVh, 'TRA_LOI', answer('2026-03-20')));
    expect(reasons(early)).toEqual([['ngayVanBan', 'The answer may not be dated before the dialogue.']]);
    view = await s.send(kids[0], p.headVh, 'TRA_LOI', answer('2026-04-08'));
    expect(paths(view)).toEqual(['daTraLoi']);
    expect(paths(await s.get(id))).toEqual(['giaiQuyet']);
  });

  it('the other issue runs late and is escalated to the chairman; once answered, the dialogue moves to publication', async () => {
    const fired = await s.advanceTo('2026-05-12T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-giai-quyet', '2026-05-06T00:30:00.000Z'],
      ['deadline', 'han-giai-quyet', '2026-05-11T17:00:00.000Z'],
    ]);
    expect(await s.openTasks(kids[1])).toEqual([expect.objectContaining({ priority: 3 })]);
    expect(await s.effects(kids[1])).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['chu-tich', 'can-bo-van-phong'] }));
    await s.send(kids[1], p.headVh, 'TRA_LOI', answer('2026-05-12'));
    const view = await s.get(id);
    expect(paths(view)).toEqual(['congKhai']);
    expect((view.context._children as any).vanDe).toMatchObject({ started: 2, done: 2 });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-cong-khai', dueDate: '2026-05-26' })]);
    expect(await s.effects(kids[1])).toContainEqual(expect.objectContaining({ type: 'emit', topic: 'doi-thoai.tra-loi', data: expect.objectContaining({ quaHan: true }) }));
  });

  it('the results are published: done', async () => {
    const view = await s.send(id, p.office, 'CONG_KHAI', { soThongBao: '88/TB-UBND', ngayCongKhai: '2026-05-14', kenhCongKhai: ['cong-thong-tin-dien-tu', 'niem-yet'], noiDung: 'Kết quả giải quyết 03 vấn đề Nhân dân nêu.' });
    expect(view.status).toBe('done');
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'doi-thoai.cong-khai', data: expect.objectContaining({ nam: 2026, soVanDe: 3, soVanDeTheoDoi: 2, soThongBao: '88/TB-UBND' }) }),
    );
    expect((await s.history(id)).map((h) => h[0])).toEqual(['xstate.init', 'KE_HOACH', 'THONG_BAO', 'BIEN_BAN', 'child.done', 'child.done', 'CONG_KHAI']);
  });
});
