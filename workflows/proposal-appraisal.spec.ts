import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Scenario } from '../test/support/scenario.js';

const FILE = 'workflows/proposal-appraisal.json';
const DE_AN = { tenDeAn: 'Đề án chuyển đổi số trong công tác dân vận', coQuanTrinh: 'phong-van-hoa-xa-hoi', tomTat: 'Ứng dụng nền tảng số trong tuyên truyền, đối thoại với Nhân dân', tepDinhKem: 'tep://de-an/2026/015' };

function people(s: Scenario) {
  return {
    truongPhong: s.person('tp-vhxh', [{ role: 'truong-phong', unit: 'phong-van-hoa-xa-hoi' }]),
    truongPhongKhac: s.person('tp-kinh-te', [{ role: 'truong-phong', unit: 'phong-kinh-te' }]),
    phoBan: s.person('pho-ban-1', [{ role: 'pho-truong-ban-xddd', unit: 'bxdd' }]),
    truongBan: s.person('truong-ban-1', [
      { role: 'truong-ban-xddd', unit: 'bxdd' },
      { role: 'pho-truong-ban-xddd', unit: 'bxdd' },
    ]),
    truongBan2: s.person('truong-ban-2', [{ role: 'truong-ban-xddd', unit: 'bxdd' }]),
    thuongTruc: s.person('thuong-vu-1', [{ role: 'ban-thuong-vu-dang-uy', unit: 'ban-thuong-vu-dang-uy' }]),
  };
}

describe('proposal-appraisal: main path with a revision loop, across the 30 Apr / 1 May holidays', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-04-23T02:00:00.000Z'); // Thu 23 Apr 2026, 09:00 in Vietnam
  });
  afterAll(async () => {
    await s.close();
  });

  it('submits, revises once, passes the appraisal and is approved by the Standing Committee', async () => {
    const p = people(s);
    const deAn = await s.start('proposal-appraisal', p.truongPhong, DE_AN);
    expect(await s.openTasks(deAn.id)).toEqual([expect.objectContaining({ state: 'hoanThienHoSo', roles: ['truong-phong'], units: [] })]);

    // A head of another department cannot submit this agency's proposal; nothing changes.
    const before = await s.get(deAn.id);
    await expect(s.send(deAn.id, p.truongPhongKhac, 'TRINH')).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      message: 'event "TRINH" is not allowed now: Only the head of the agency that submits this proposal may submit it, resubmit it or withdraw it.',
    });
    expect(await s.get(deAn.id)).toMatchObject({ revision: before.revision, state: before.state, context: before.context });
    expect(await s.history(deAn.id)).toHaveLength(1);

    await s.send(deAn.id, p.truongPhong, 'TRINH');
    let view = await s.get(deAn.id);
    expect(view.activeStates.map((a) => a.path)).toEqual(['thamDinh.soanBaoCao']);
    // 7 working days from Thu 23 Apr: Fri 24, (Sat 25, Sun 26 Hùng Kings, Mon 27 compensatory) Tue 28, Wed 29,
    // (Thu 30 Apr, Fri 1 May holidays, weekend) Mon 4, Tue 5, Wed 6, Thu 7 May.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'tham-dinh-du-thao', dueDate: '2026-05-07', dueAt: '2026-05-07T17:00:00.000Z', passed: false })]);
    expect(await s.openTasks(deAn.id)).toEqual([
      expect.objectContaining({ state: 'thamDinh.soanBaoCao', roles: ['pho-truong-ban-xddd'], units: ['bxdd'], priority: 2, dueAt: new Date('2026-05-07T17:00:00.000Z') }),
    ]);

    await s.advanceTo('2026-04-28T03:00:00.000Z');
    await s.send(deAn.id, p.phoBan, 'SOAN_BAO_CAO', { ketLuan: 'can-chinh-sua', yKien: 'Bổ sung giải pháp tuyên truyền trên mạng xã hội' });
    // The signature step shares the same 7-working-day limit, counted from the receipt of the dossier.
    view = await s.get(deAn.id);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'tham-dinh-ky', dueDate: '2026-05-07' })]);
    expect(await s.openTasks(deAn.id)).toEqual([expect.objectContaining({ state: 'thamDinh.choKy', roles: ['truong-ban-xddd'], units: ['bxdd'] })]);

    await s.advanceTo('2026-04-29T03:00:00.000Z');
    view = await s.send(deAn.id, p.truongBan, 'KY_BAO_CAO', { soBaoCao: '12-BC/BXDĐ' });
    expect(view.activeStates.map((a) => a.path)).toEqual(['chinhSuaDeAn']);
    expect(view.context).toMatchObject({ soLanChinhSua: 1, lichSuThamDinh: [expect.objectContaining({ ketLuan: 'can-chinh-sua', soBaoCao: '12-BC/BXDĐ' })] });
    // 10 working days from Wed 29 Apr: Mon 4 … Fri 8 May, Mon 11 … Fri 15 May.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'chinh-sua', dueDate: '2026-05-15' })]);
    expect(await s.openTasks(deAn.id)).toEqual([expect.objectContaining({ state: 'chinhSuaDeAn', roles: ['truong-phong'], priority: 2 })]);
    expect(await s.effects(deAn.id)).toContainEqual(expect.objectContaining({ type: 'notify', users: ['tp-vhxh'] }));

    await s.advanceTo('2026-05-05T02:00:00.000Z');
    await s.send(deAn.id, p.truongPhong, 'NOP_LAI', { tomTat: 'Đã bổ sung giải pháp tuyên truyền trên mạng xã hội', tepDinhKem: 'tep://de-an/2026/015-v2' });
    view = await s.get(deAn.id);
    // A fresh 7 working days from Tue 5 May: Wed 6 … Fri 8, Mon 11 … Thu 14 May.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'tham-dinh-du-thao', dueDate: '2026-05-14' })]);
    expect(view.context).toMatchObject({ tepDinhKem: 'tep://de-an/2026/015-v2', baoCaoThamDinh: null });

    await s.send(deAn.id, p.phoBan, 'SOAN_BAO_CAO', { ketLuan: 'dat', yKien: 'Đề án đủ điều kiện trình Thường trực Đảng ủy' });
    await s.advanceTo('2026-05-06T02:00:00.000Z');
    view = await s.send(deAn.id, p.truongBan, 'KY_BAO_CAO', { soBaoCao: '15-BC/BXDĐ' });
    expect(view.activeStates.map((a) => a.path)).toEqual(['choQuyetDinh']);
    expect(view.context).toMatchObject({ soLanChinhSua: 1, nguoiKyBaoCao: { id: 'truong-ban-1' } });
    expect((view.context.lichSuThamDinh as unknown[]).length).toBe(2);
    expect(await s.openTasks(deAn.id)).toEqual([expect.objectContaining({ state: 'choQuyetDinh', roles: ['ban-thuong-vu-dang-uy'], units: ['ban-thuong-vu-dang-uy'], priority: 2 })]);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'quyet-dinh', dueDate: '2026-05-20' })]);
    expect(await s.effects(deAn.id)).toContainEqual(expect.objectContaining({ type: 'emit', topic: 'de-an.trinh-thuong-truc' }));

    // Only the Standing Committee decides: the decision is its task, and the head of the Board is no candidate.
    await expect(s.send(deAn.id, p.truongBan, 'QUYET_DINH', { ketQua: 'thong-qua' })).rejects.toMatchObject({ code: 'FORBIDDEN', details: { event: 'QUYET_DINH' } });
    await expect(s.send(deAn.id, p.thuongTruc, 'QUYET_DINH', { ketQua: 'dong-y' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    view = await s.send(deAn.id, p.thuongTruc, 'QUYET_DINH', { ketQua: 'thong-qua', soVanBan: '45-QĐ/ĐU' });
    expect(view).toMatchObject({ status: 'done', context: { quyetDinh: { ketQua: 'thong-qua', soVanBan: '45-QĐ/ĐU', nguoiQuyetDinh: { id: 'thuong-vu-1' } } } });
    expect(await s.openTasks(deAn.id)).toEqual([]);
    expect((await s.history(deAn.id)).map((h) => h[0])).toEqual(['xstate.init', 'TRINH', 'SOAN_BAO_CAO', 'KY_BAO_CAO', 'NOP_LAI', 'SOAN_BAO_CAO', 'KY_BAO_CAO', 'QUYET_DINH']);
    expect(await s.effects(deAn.id)).toContainEqual(expect.objectContaining({ type: 'instance.done', output: { ketQua: 'thong-qua' } }));
  });

  it('the Standing Committee may reject a proposal that passed the appraisal', async () => {
    const p = people(s);
    const deAn = await s.start('proposal-appraisal', p.truongPhong, { ...DE_AN, tenDeAn: 'Đề án thứ hai' });
    await s.send(deAn.id, p.truongPhong, 'TRINH');
    await s.send(deAn.id, p.phoBan, 'SOAN_BAO_CAO', { ketLuan: 'dat', yKien: 'Đạt' });
    await s.send(deAn.id, p.truongBan2, 'KY_BAO_CAO');
    const view = await s.send(deAn.id, p.thuongTruc, 'QUYET_DINH', { ketQua: 'khong-thong-qua', yKien: 'Chưa phù hợp thời điểm' });
    expect(view).toMatchObject({ status: 'done', activeStates: [{ path: 'khongThongQua' }] });
  });
});

describe('proposal-appraisal: separation of duties, refusals and withdrawal', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-08-27T02:00:00.000Z'); // Thu 27 Aug 2026
  });
  afterAll(async () => {
    await s.close();
  });

  it('the person who drafted the appraisal report may not sign it; another head may', async () => {
    const p = people(s);
    const deAn = await s.start('proposal-appraisal', p.truongPhong, DE_AN);
    await s.send(deAn.id, p.truongPhong, 'TRINH');
    // National Day 2026 as announced (Thông báo 9441/TB-BNV): Mon 31 Aug swapped off (Sat 22 Aug worked), Tue 1 – Wed 2 Sep holidays.
    // 7 working days from Thu 27 Aug across National Day (Mon 31 Aug – Wed 2 Sep): Fri 28, Thu 3, Fri 4, Mon 7, Tue 8, Wed 9, Thu 10 Sep.
    expect((await s.get(deAn.id)).deadlines).toEqual([expect.objectContaining({ key: 'tham-dinh-du-thao', dueDate: '2026-09-10' })]);
    await s.send(deAn.id, p.truongBan, 'SOAN_BAO_CAO', { ketLuan: 'khong-dat', yKien: 'Đề án chưa gắn với nhiệm vụ chính trị của phường' });

    const before = await s.get(deAn.id);
    await expect(s.send(deAn.id, p.truongBan, 'KY_BAO_CAO')).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES', details: { failedGuards: expect.arrayContaining(['notSameActor']) } });
    const after = await s.get(deAn.id);
    expect(after).toMatchObject({ revision: before.revision, state: before.state, context: before.context, deadlines: before.deadlines });
    expect((await s.history(deAn.id)).map((h) => h[0])).toEqual(['xstate.init', 'TRINH', 'SOAN_BAO_CAO']);

    // A deputy cannot sign at all: signing is the head's task.
    await expect(s.send(deAn.id, p.phoBan, 'KY_BAO_CAO')).rejects.toMatchObject({ code: 'FORBIDDEN', details: { event: 'KY_BAO_CAO' } });

    const view = await s.send(deAn.id, p.truongBan2, 'KY_BAO_CAO', { soBaoCao: '20-BC/BXDĐ' });
    expect(view).toMatchObject({ status: 'done', activeStates: [{ path: 'khongDatThamDinh' }], context: { nguoiSoanBaoCao: { id: 'truong-ban-1' }, nguoiKyBaoCao: { id: 'truong-ban-2' } } });
  });

  it('whoever drafted any version of the appraisal report may not sign it, even after the deputy redrafted it', async () => {
    const p = people(s);
    const deAn = await s.start('proposal-appraisal', p.truongPhong, DE_AN);
    await s.send(deAn.id, p.truongPhong, 'TRINH');
    await s.send(deAn.id, p.truongBan, 'SOAN_BAO_CAO', { ketLuan: 'dat', yKien: 'Đạt' });
    await s.send(deAn.id, p.truongBan2, 'TRA_LAI_DU_THAO', { yKien: 'Làm rõ nguồn lực thực hiện' });
    await s.send(deAn.id, p.phoBan, 'SOAN_BAO_CAO', { ketLuan: 'dat', yKien: 'Đạt; nguồn lực từ ngân sách phường' });
    const before = await s.get(deAn.id);
    expect(before.context).toMatchObject({ nguoiSoanBaoCao: { id: 'pho-ban-1' } });
    // The last draft is the deputy's, but the head drafted the first one.
    await expect(s.send(deAn.id, p.truongBan, 'KY_BAO_CAO', { soBaoCao: '21-BC/BXDĐ' })).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    expect((await s.get(deAn.id)).revision).toBe(before.revision);
    const view = await s.send(deAn.id, p.truongBan2, 'KY_BAO_CAO', { soBaoCao: '21-BC/BXDĐ' });
    expect(view).toMatchObject({ activeStates: [{ path: 'choQuyetDinh' }], context: { nguoiKyBaoCao: { id: 'truong-ban-2' } } });
  });

  it('the head returns the draft to the deputy, keeping the same time limit', async () => {
    const p = people(s);
    const deAn = await s.start('proposal-appraisal', p.truongPhong, DE_AN);
    await s.send(deAn.id, p.truongPhong, 'TRINH');
    await s.send(deAn.id, p.phoBan, 'SOAN_BAO_CAO', { ketLuan: 'dat', yKien: 'Đạt' });
    const view = await s.send(deAn.id, p.truongBan2, 'TRA_LAI_DU_THAO', { yKien: 'Làm rõ nguồn lực thực hiện' });
    expect(view.activeStates.map((a) => a.path)).toEqual(['thamDinh.soanBaoCao']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'tham-dinh-du-thao', dueDate: '2026-09-10' })]); // as announced: see above
    expect(view.context).toMatchObject({ gopYDuThao: ['Làm rõ nguồn lực thực hiện'] });
  });

  it('an event not accepted in the current state is refused and changes nothing; the agency may withdraw', async () => {
    const p = people(s);
    const deAn = await s.start('proposal-appraisal', p.truongPhong, DE_AN);
    const before = await s.get(deAn.id);
    await expect(s.send(deAn.id, p.truongPhong, 'QUYET_DINH', { ketQua: 'thong-qua' })).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED', details: { allowedEvents: ['RUT', 'TRINH'] } });
    await expect(s.start('proposal-appraisal', p.truongPhong, { tenDeAn: 'Thiếu trường' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await s.get(deAn.id)).toMatchObject({ revision: before.revision, state: before.state });
    const view = await s.send(deAn.id, p.truongPhong, 'RUT', { lyDo: 'Điều chỉnh kế hoạch' });
    expect(view).toMatchObject({ status: 'done', activeStates: [{ path: 'daRut' }] });
  });
});

describe('proposal-appraisal: the appraisal time limit passes and escalates', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-04-23T02:00:00.000Z');
  });
  afterAll(async () => {
    await s.close();
  });

  it('reminds 2 working days before, then escalates to the head and the Standing Committee at the end of the 7th working day', async () => {
    const p = people(s);
    const deAn = await s.start('proposal-appraisal', p.truongPhong, DE_AN);
    await s.send(deAn.id, p.truongPhong, 'TRINH');

    // Reminder at 07:30 on Tue 5 May (2 working days before Thu 7 May).
    expect(await s.advanceTo('2026-05-05T12:00:00.000Z')).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'tham-dinh-du-thao', fireAt: '2026-05-05T00:30:00.000Z', outcome: 'fired' }),
    ]);
    expect(await s.advanceTo('2026-05-07T16:59:00.000Z')).toEqual([]);
    expect(await s.advanceTo('2026-05-08T01:00:00.000Z')).toEqual([
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'tham-dinh-du-thao', fireAt: '2026-05-07T17:00:00.000Z', outcome: 'fired' }),
    ]);

    const history = await s.history(deAn.id);
    expect(history[history.length - 1]).toEqual(['QUA_HAN_THAM_DINH', 'system', expect.anything()]);
    const view = await s.get(deAn.id);
    expect(view.context).toMatchObject({ thamDinhQuaHan: true });
    expect(view.activeStates.map((a) => a.path)).toEqual(['thamDinh.soanBaoCao']);
    expect(await s.openTasks(deAn.id)).toEqual([expect.objectContaining({ state: 'thamDinh.soanBaoCao', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'], priority: 3 })]);
    const effects = await s.effects(deAn.id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'task.escalate', deadlineKey: 'tham-dinh-du-thao', priority: 'urgent', addRoles: ['truong-ban-xddd'] }));
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['truong-ban-xddd', 'ban-thuong-vu-dang-uy'] }));
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', users: ['tp-vhxh'] }));
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', reminder: { deadlineKey: 'tham-dinh-du-thao', state: 'thamDinh.soanBaoCao' }, roles: ['pho-truong-ban-xddd'] }));

    // Late work can still be done: the head, added by the escalation, signs after the deputy drafts.
    await s.send(deAn.id, p.phoBan, 'SOAN_BAO_CAO', { ketLuan: 'dat', yKien: 'Đạt' });
    expect((await s.get(deAn.id)).activeStates.map((a) => a.path)).toEqual(['thamDinh.choKy']);
  });
});
