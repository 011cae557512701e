import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Scenario } from '../test/support/scenario.js';

/**
 * Scenarios of the `denunciation` workflow (tố cáo, Law on Denunciations 2018) with simulated time.
 * Every scenario starts on Thursday 23 Apr 2026, just before the Hùng Kings' day break (Sun 26 Apr,
 * compensatory Mon 27 Apr) and the 30 Apr / 1 May holidays, so working-day limits jump over them.
 */
const FILE = 'workflows/denunciation.json';
const START = '2026-04-23T02:00:00.000Z'; // Thu 23 Apr 2026, 09:00 in Vietnam
const URGENT = 3;
const HIGH = 2;
const NORMAL = 1;

function people(s: Scenario) {
  return {
    officer: s.person('can-bo-xu-ly-don-1', [{ role: 'can-bo-xu-ly-don', unit: 'van-phong-hdnd-ubnd' }]),
    verifier: s.person('xac-minh-1', [{ role: 'can-bo-xac-minh', unit: 'van-phong-hdnd-ubnd' }]),
    chairman: s.person('chu-tich-1', [{ role: 'chu-tich', unit: 'ubnd' }]),
    commission: s.person('ubkt-1', [{ role: 'uy-ban-kiem-tra', unit: 'ubkt-dang-uy' }]),
    secretary: s.person('bi-thu-1', [{ role: 'bi-thu-dang-uy-ubnd', unit: 'dang-uy-ubnd' }]),
    admin: s.person('quan-tri-1', [{ role: 'admin', unit: 'phuong-an-phong' }]),
  };
}

const input = {
  maDon: 'TC-2026-001',
  nguoiToCao: 'Nguyễn Văn An',
  nguoiBiToCao: 'Trần Văn Bình',
  noiDung: 'Tố cáo hành vi nhận tiền khi giải quyết thủ tục hành chính',
  ngayNhanDon: '2026-04-23',
  soGiayBienNhan: 'BN-2026-0423-01',
};

function deadline(view: { deadlines: Array<{ key: string }> }, key: string) {
  return view.deadlines.find((d) => d.key === key) as (typeof view.deadlines)[number] & {
    dueDate: string | null;
    dueAt: string;
    passed: boolean;
    extensions: unknown[];
  };
}

async function tasksByState(s: Scenario, id: string) {
  return (await s.openTasks(id)).sort((a, b) => a.state.localeCompare(b.state));
}

/** Opens a scenario for one describe block (time only goes forward, so each block has its own). */
function scenario(): { get: () => Scenario } {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], START);
  });
  afterAll(async () => {
    await s.close();
  });
  return { get: () => s };
}

describe('denunciation: main path to the end', () => {
  const sc = scenario();

  it('initial handling, acceptance, notice, verification, conclusion, measures and sending, with working-day limits over the holidays', async () => {
    const s = sc.get();
    const { officer, verifier, chairman } = people(s);
    const started = await s.start('denunciation', officer, input);
    const id = started.id;
    expect(started.context).toMatchObject({ ngayNhanDon: '2026-04-23', soGiayBienNhan: 'BN-2026-0423-01', nguoiTiepNhan: { id: 'can-bo-xu-ly-don-1' } });

    // 7 working days from Thu 23 Apr: Fri 24, (26-27 Apr off) Tue 28, Wed 29, (30 Apr, 1 May off) Mon 4, Tue 5, Wed 6, Thu 7 May.
    expect(deadline(started, 'xuLyBanDau')).toMatchObject({ dueDate: '2026-05-07', dueAt: '2026-05-07T17:00:00.000Z', passed: false });
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({
        state: 'xuLyBanDau',
        roles: ['can-bo-xu-ly-don'],
        units: ['van-phong-hdnd-ubnd', 'ubnd'],
        priority: HIGH,
        dueAt: new Date('2026-05-07T17:00:00.000Z'),
      }),
    ]);

    await s.advanceTo('2026-04-24T02:00:00.000Z');
    let view = await s.send(id, officer, 'PHAN_LOAI', {
      ketQua: 'thu-ly',
      laDangVien: false,
      viPhamQuyDinhDang: false,
      lyDo: 'Thuộc thẩm quyền của Chủ tịch UBND phường',
    });
    expect(view.activeStates.map((a) => a.path)).toEqual(['quyetDinhThuLy']);
    // The acceptance must fall within the initial handling: at most 10 working days from receipt -> Tue 12 May.
    expect(deadline(view, 'quyetDinhThuLy')).toMatchObject({ dueDate: '2026-05-12' });
    expect(deadline(view, 'xuLyBanDau')).toBeUndefined();
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'quyetDinhThuLy', roles: ['chu-tich'], units: ['ubnd'] })]);

    await s.advanceTo('2026-04-28T02:00:00.000Z'); // Tue 28 Apr, the first working day after Hùng Kings' day
    // The acceptance date is the one the chairman enters (required), and may not precede the receipt.
    await expect(s.send(id, chairman, 'THU_LY', { soQuyetDinh: '15/QĐ-UBND' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(s.send(id, chairman, 'THU_LY', { soQuyetDinh: '15/QĐ-UBND', ngayThuLy: '2026-04-22' })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      details: { refusals: [{ message: expect.objectContaining({ vi: 'Ngày thụ lý không được trước ngày nhận đơn.' }), field: 'ngayThuLy' }] },
    });
    view = await s.send(id, chairman, 'THU_LY', { soQuyetDinh: '15/QĐ-UBND', ngayThuLy: '2026-04-28' });
    expect(view.context).toMatchObject({ soQuyetDinhThuLy: '15/QĐ-UBND', ngayThuLy: '2026-04-28' });
    // 30 days from 28 Apr -> Thu 28 May; the notice: 5 working days from 28 Apr -> Wed 29, Mon 4, Tue 5, Wed 6, Thu 7 May.
    expect(deadline(view, 'giaiQuyet')).toMatchObject({ dueDate: '2026-05-28' });
    expect(deadline(view, 'thongBaoThuLy')).toMatchObject({ dueDate: '2026-05-07' });
    expect(await tasksByState(s, id)).toEqual([
      expect.objectContaining({ state: 'giaiQuyet', roles: ['chu-tich'], units: ['ubnd'], priority: NORMAL, dueAt: new Date('2026-05-28T17:00:00.000Z') }),
      expect.objectContaining({
        state: 'giaiQuyet.thongBaoThuLy',
        roles: ['can-bo-xu-ly-don'],
        units: ['van-phong-hdnd-ubnd', 'ubnd'],
        dueAt: new Date('2026-05-07T17:00:00.000Z'),
      }),
    ]);

    await s.advanceTo('2026-04-29T02:00:00.000Z');
    await s.send(id, officer, 'THONG_BAO_THU_LY', {});
    expect((await tasksByState(s, id)).map((t) => [t.state, t.roles, t.units])).toEqual([
      ['giaiQuyet', ['chu-tich'], ['ubnd']],
      ['giaiQuyet.xacMinh', ['can-bo-xac-minh'], ['van-phong-hdnd-ubnd', 'phong-kinh-te', 'phong-van-hoa-xa-hoi']],
    ]);

    expect(await s.advanceTo('2026-05-15T02:00:00.000Z')).toEqual([]); // the notice's timer was cancelled; nothing else is due
    await s.send(id, verifier, 'BAO_CAO_XAC_MINH', { soBaoCao: '03/BC-VP', ngayBaoCao: '2026-05-15', kienNghi: 'Kiểm điểm, xử lý kỷ luật' });
    // The officer who verified cannot conclude: the conclusion is the chairman's task (a chairman who had
    // verified is refused by separation of duties, see below); the chairman can.
    await expect(s.send(id, verifier, 'KET_LUAN', { ketQuaKetLuan: 'dung', ngayKetLuan: '2026-05-15' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await s.advanceTo('2026-05-20T02:00:00.000Z'); // Wed 20 May
    view = await s.send(id, chairman, 'KET_LUAN', { ketQuaKetLuan: 'dung-mot-phan', ngayKetLuan: '2026-05-20', noiDungKetLuan: 'Tố cáo đúng một phần' });
    expect(view.context).toMatchObject({ ngayKetLuan: '2026-05-20', noiDungKetLuan: 'Tố cáo đúng một phần', noiDung: input.noiDung });
    // The notice and the conclusion took their numbers from the register (docs/documents.md).
    expect(view.context).toMatchObject({ soThongBaoThuLy: '01/TB-UBND', soKetLuan: '01/KL-UBND' });
    expect(view.activeStates.map((a) => a.path).sort()).toEqual(expect.arrayContaining(['sauKetLuan.guiKetLuan.choGui', 'sauKetLuan.xuLy.choXuLy']));
    expect(deadline(view, 'giaiQuyet')).toBeUndefined(); // resolved in time: the resolution limit is cancelled
    // 5 working days from Wed 20 May: Thu 21, Fri 22, Mon 25, Tue 26, Wed 27.
    expect(deadline(view, 'guiKetLuan')).toMatchObject({ dueDate: '2026-05-27' });
    expect((await tasksByState(s, id)).map((t) => [t.state, t.roles, t.units])).toEqual([
      ['sauKetLuan.guiKetLuan.choGui', ['can-bo-xu-ly-don'], ['van-phong-hdnd-ubnd', 'ubnd']],
      ['sauKetLuan.xuLy.choXuLy', ['chu-tich'], ['ubnd']],
    ]);

    await s.advanceTo('2026-05-22T02:00:00.000Z');
    await s.send(id, officer, 'GUI_KET_LUAN', { soVanBan: '21/UBND', ngayGui: '2026-05-22', noiNhan: 'Người tố cáo; người bị tố cáo' });
    view = await s.send(id, chairman, 'XU_LY', { bienPhap: 'Kiểm điểm, khiển trách', soVanBan: '22/QĐ-UBND', ngayVanBan: '2026-05-22' });
    expect(view.status).toBe('done');
    expect(view.activeStates.map((a) => a.path)).toEqual(['ketThuc']);
    expect(await s.openTasks(id)).toEqual([]);
    expect((await s.history(id)).map((h) => [h[0], h[1]])).toEqual([
      ['xstate.init', 'can-bo-xu-ly-don-1'],
      ['PHAN_LOAI', 'can-bo-xu-ly-don-1'],
      ['THU_LY', 'chu-tich-1'],
      ['THONG_BAO_THU_LY', 'can-bo-xu-ly-don-1'],
      ['BAO_CAO_XAC_MINH', 'xac-minh-1'],
      ['KET_LUAN', 'chu-tich-1'],
      ['GUI_KET_LUAN', 'can-bo-xu-ly-don-1'],
      ['XU_LY', 'chu-tich-1'],
    ]);
    expect(await s.effects(id)).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'instance.done', output: { ketQua: 'da-giai-quyet' } })]));
  });
});

describe('denunciation: initial handling overdue, escalated, and extended to 10 working days', () => {
  const sc = scenario();

  it('escalates at the end of the 7th working day; one extension of 3 working days, before or after it passed', async () => {
    const s = sc.get();
    const { officer, chairman } = people(s);
    const late = (await s.start('denunciation', officer, { ...input, maDon: 'TC-2026-002' })).id;
    const checked = (await s.start('denunciation', officer, { ...input, maDon: 'TC-2026-003' })).id;

    // Extended in time (Mon 4 May), while the address of the denouncer is being checked.
    await s.advanceTo('2026-05-04T02:00:00.000Z');
    let view = await s.send(checked, officer, 'GIA_HAN_XU_LY_BAN_DAU', { lyDo: 'Cần xác minh địa chỉ người tố cáo' });
    // +3 working days from Thu 7 May -> Fri 8, Mon 11, Tue 12 May = the 10th working day from receipt.
    expect(deadline(view, 'xuLyBanDau')).toMatchObject({
      dueDate: '2026-05-12',
      passed: false,
      extensions: [expect.objectContaining({ by: { workingDays: 3 }, previousDueAt: '2026-05-07T17:00:00.000Z', reason: 'Cần xác minh địa chỉ người tố cáo' })],
    });
    expect(view.context).toMatchObject({ soLanGiaHanXuLyBanDau: 1, _extensions: [expect.objectContaining({ deadline: 'xuLyBanDau' })] });
    expect(await s.openTasks(checked)).toEqual([expect.objectContaining({ state: 'xuLyBanDau', priority: HIGH })]);

    // The other one passes its limit at the end of Thu 7 May: escalated to the chairman.
    const fired = await s.advanceTo('2026-05-08T00:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'xuLyBanDau', fireAt: '2026-05-05T00:30:00.000Z', outcome: 'fired' }), // 2 working days before, 07:30
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'xuLyBanDau', fireAt: '2026-05-07T17:00:00.000Z', outcome: 'fired' }),
    ]);
    view = await s.get(late);
    expect(view.activeStates.map((a) => a.path)).toEqual(['xuLyBanDau']);
    expect(view.context).toMatchObject({ quaHan: { xuLyBanDau: true } });
    expect(deadline(view, 'xuLyBanDau')).toMatchObject({ passed: true });
    expect(await s.openTasks(late)).toEqual([
      expect.objectContaining({ state: 'xuLyBanDau', roles: ['can-bo-xu-ly-don', 'chu-tich'], units: ['van-phong-hdnd-ubnd', 'ubnd'], priority: URGENT }),
    ]);
    expect((await s.history(late)).map((h) => [h[0], h[1]])).toEqual([
      ['xstate.init', 'can-bo-xu-ly-don-1'],
      ['QUA_HAN_XU_LY_BAN_DAU', 'system'],
    ]);
    expect(await s.effects(late)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'notify', roles: ['chu-tich'], message: expect.objectContaining({ vi: 'Đơn tố cáo quá hạn xử lý ban đầu' }) }),
      ]),
    );
    expect((await s.get(checked)).deadlines[0]).toMatchObject({ passed: false });

    // The escalated chairman extends the late one: the limit becomes Tue 12 May.
    view = await s.send(late, chairman, 'GIA_HAN_XU_LY_BAN_DAU', { lyDo: 'Phải xác minh nguồn gốc đơn' });
    expect(deadline(view, 'xuLyBanDau')).toMatchObject({
      dueDate: '2026-05-12',
      passed: false,
      extensions: [expect.objectContaining({ previousDueAt: '2026-05-07T17:00:00.000Z' })],
    });
    // The open task's due date follows the extension.
    expect((await s.openTasks(late)).find((t) => t.state === 'xuLyBanDau')?.dueAt).toEqual(new Date('2026-05-12T17:00:00.000Z'));

    // No second extension: 10 working days is the maximum.
    await expect(s.send(late, officer, 'GIA_HAN_XU_LY_BAN_DAU', { lyDo: 'Thêm lần nữa' })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      message: expect.stringContaining('The initial handling time limit has already been extended once'),
    });
    const after = await s.get(late);
    expect(after.revision).toBe(view.revision);
    expect(after.deadlines).toEqual(view.deadlines);

    // The extended limit passes at the end of Tue 12 May.
    expect(await s.advanceTo('2026-05-13T00:00:00.000Z')).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'deadline', deadlineKey: 'xuLyBanDau', fireAt: '2026-05-12T17:00:00.000Z', outcome: 'fired' })]),
    );
    expect((await s.history(checked)).map((h) => h[0])).toEqual(['xstate.init', 'GIA_HAN_XU_LY_BAN_DAU', 'QUA_HAN_XU_LY_BAN_DAU']);
    // The late one's limit had passed before the extension: the extended limit has a timer of its own and fires again.
    expect((await s.history(late)).map((h) => h[0])).toEqual(['xstate.init', 'QUA_HAN_XU_LY_BAN_DAU', 'GIA_HAN_XU_LY_BAN_DAU', 'QUA_HAN_XU_LY_BAN_DAU']);
    await s.send(late, officer, 'PHAN_LOAI', {
      ketQua: 'khong-thu-ly',
      lyDo: 'Tố cáo nặc danh, không rõ nội dung',
      soThongBaoKhongThuLy: '09/TB-UBND',
      ngayThongBaoKhongThuLy: '2026-05-13',
    });
    expect((await s.get(late)).context).toMatchObject({ ketQuaXuLyBanDau: 'khong-thu-ly', soThongBaoKhongThuLy: '09/TB-UBND', ngayThongBaoKhongThuLy: '2026-05-13' });
    expect((await s.get(late)).status).toBe('done');
  });
});

describe('denunciation: resolution extended twice, a third extension refused', () => {
  const sc = scenario();

  it('30 days from acceptance, +30 (complex), +30 (especially complex), then no more', async () => {
    const s = sc.get();
    const { officer, chairman, verifier } = people(s);
    const { id } = await s.start('denunciation', officer, input);
    await s.send(id, officer, 'PHAN_LOAI', { ketQua: 'thu-ly' });
    await s.advanceTo('2026-04-28T02:00:00.000Z');
    let view = await s.send(id, chairman, 'THU_LY', { soQuyetDinh: '15/QĐ-UBND', ngayThuLy: '2026-04-28' });
    expect(deadline(view, 'giaiQuyet')).toMatchObject({ dueDate: '2026-05-28' });
    await s.send(id, officer, 'THONG_BAO_THU_LY', {});

    // Only the chairman extends, with a written decision.
    await expect(s.send(id, verifier, 'GIA_HAN_GIAI_QUYET', { soQuyetDinh: '30/QĐ-UBND', ngayQuyetDinh: '2026-05-25', lyDo: 'Phức tạp', mucDo: 'phuc-tap' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(s.send(id, chairman, 'GIA_HAN_GIAI_QUYET', { lyDo: 'Phức tạp', mucDo: 'phuc-tap' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });

    await s.advanceTo('2026-05-25T02:00:00.000Z');
    // The extension decision is dated: not before the acceptance.
    await expect(
      s.send(id, chairman, 'GIA_HAN_GIAI_QUYET', { soQuyetDinh: '30/QĐ-UBND', ngayQuyetDinh: '2026-04-27', lyDo: 'Phức tạp', mucDo: 'phuc-tap' }),
    ).rejects.toMatchObject({ code: 'GUARD_REJECTED', details: { refusals: expect.arrayContaining([expect.objectContaining({ field: 'ngayQuyetDinh' })]) } });
    view = await s.send(id, chairman, 'GIA_HAN_GIAI_QUYET', { soQuyetDinh: '30/QĐ-UBND', ngayQuyetDinh: '2026-05-25', lyDo: 'Vụ việc phức tạp, nhiều người liên quan', mucDo: 'phuc-tap' });
    // From the last day, Thu 28 May, +30 days = Sat 27 Jun -> Mon 29 Jun.
    expect(deadline(view, 'giaiQuyet')).toMatchObject({
      dueDate: '2026-06-29',
      extensions: [expect.objectContaining({ by: { days: 30 }, reason: 'Vụ việc phức tạp, nhiều người liên quan' })],
    });
    expect(view.activeStates.map((a) => a.path)).toEqual(['giaiQuyet.xacMinh']); // an internal transition: verification goes on

    // A second extension only for an especially complex case.
    const before = await s.get(id);
    await expect(s.send(id, chairman, 'GIA_HAN_GIAI_QUYET', { soQuyetDinh: '41/QĐ-UBND', ngayQuyetDinh: '2026-06-20', lyDo: 'Còn phức tạp', mucDo: 'phuc-tap' })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      details: {
        refusals: expect.arrayContaining([
          { message: expect.objectContaining({ vi: 'Chỉ vụ việc đặc biệt phức tạp mới được gia hạn giải quyết lần thứ hai.' }), field: 'mucDo' },
        ]),
        issues: expect.arrayContaining([expect.objectContaining({ path: '/payload/mucDo', code: 'refused' })]),
      },
    });
    expect((await s.get(id)).revision).toBe(before.revision);

    await s.advanceTo('2026-06-25T02:00:00.000Z');
    view = await s.send(id, chairman, 'GIA_HAN_GIAI_QUYET', {
      soQuyetDinh: '42/QĐ-UBND',
      ngayQuyetDinh: '2026-06-25',
      lyDo: 'Vụ việc đặc biệt phức tạp, phải trưng cầu giám định',
      mucDo: 'dac-biet-phuc-tap',
    });
    // Counted on from the legal last day of the first extension, Sat 27 Jun (not from Mon 29 Jun,
    // where the weekend moved it): +30 days = Mon 27 Jul.
    expect(deadline(view, 'giaiQuyet')).toMatchObject({ dueDate: '2026-07-27' });
    expect(deadline(view, 'giaiQuyet').extensions).toHaveLength(2);
    expect(view.context).toMatchObject({
      soLanGiaHanGiaiQuyet: 2,
      mucDoPhucTap: 'dac-biet-phuc-tap',
      quyetDinhGiaHan: [expect.objectContaining({ soQuyetDinh: '30/QĐ-UBND', ngayQuyetDinh: '2026-05-25' }), expect.objectContaining({ soQuyetDinh: '42/QĐ-UBND' })],
    });

    // A third extension is refused and changes nothing.
    const twice = await s.get(id);
    await expect(
      s.send(id, chairman, 'GIA_HAN_GIAI_QUYET', { soQuyetDinh: '50/QĐ-UBND', ngayQuyetDinh: '2026-07-20', lyDo: 'Thêm thời gian', mucDo: 'dac-biet-phuc-tap' }),
    ).rejects.toMatchObject({ code: 'GUARD_REJECTED' });
    const unchanged = await s.get(id);
    expect(unchanged.revision).toBe(twice.revision);
    expect(unchanged.context).toEqual(twice.context);
    expect(unchanged.deadlines).toEqual(twice.deadlines);

    // When even the extended limit passes, the chairman's task is escalated and the verifying officer told.
    expect(await s.advanceTo('2026-07-30T00:00:00.000Z')).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'deadline', deadlineKey: 'giaiQuyet', fireAt: '2026-07-27T17:00:00.000Z', outcome: 'fired' })]),
    );
    expect(await tasksByState(s, id)).toEqual([
      expect.objectContaining({ state: 'giaiQuyet', roles: ['chu-tich'], priority: URGENT }),
      expect.objectContaining({ state: 'giaiQuyet.xacMinh', roles: ['can-bo-xac-minh'] }),
    ]);
    expect((await s.get(id)).context).toMatchObject({ quaHan: { giaiQuyet: true } });
  });
});

describe('denunciation: forwarding outside competence', () => {
  const sc = scenario();

  it('forwards within 5 working days of receipt and ends', async () => {
    const s = sc.get();
    const { officer } = people(s);
    const { id } = await s.start('denunciation', officer, input);
    await s.advanceTo('2026-04-24T02:00:00.000Z');
    // Forwarding needs the competent body.
    await expect(s.send(id, officer, 'PHAN_LOAI', { ketQua: 'chuyen-don' })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      message: expect.stringContaining('event "PHAN_LOAI" is not allowed now: A proposal to forward the denunciation must name the competent authority'),
    });
    const view = await s.send(id, officer, 'PHAN_LOAI', { ketQua: 'chuyen-don', coQuanCoThamQuyen: 'Thanh tra thành phố Hải Phòng' });
    expect(view.activeStates.map((a) => a.path)).toEqual(['chuyenDon']);
    // 5 working days from receipt (Thu 23 Apr): Fri 24, Tue 28, Wed 29, Mon 4, Tue 5 May.
    expect(deadline(view, 'chuyenDon')).toMatchObject({ dueDate: '2026-05-05' });
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({
        state: 'chuyenDon',
        roles: ['can-bo-xu-ly-don'],
        units: ['van-phong-hdnd-ubnd', 'ubnd'],
        dueAt: new Date('2026-05-05T17:00:00.000Z'),
      }),
    ]);

    await s.advanceTo('2026-04-29T02:00:00.000Z');
    // The forwarding date may not precede the receipt.
    await expect(s.send(id, officer, 'CHUYEN_DON', { soVanBan: '12/UBND-TCD', ngayChuyen: '2026-04-22', coQuanNhan: 'Thanh tra thành phố Hải Phòng' })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      details: { refusals: [{ message: expect.objectContaining({ vi: 'Ngày chuyển đơn không được trước ngày nhận đơn.' }), field: 'ngayChuyen' }] },
    });
    const done = await s.send(id, officer, 'CHUYEN_DON', { soVanBan: '12/UBND-TCD', ngayChuyen: '2026-04-29', coQuanNhan: 'Thanh tra thành phố Hải Phòng' });
    expect(done.context).toMatchObject({ ngayChuyenDon: '2026-04-29' });
    expect(done.status).toBe('done');
    expect(done.activeStates.map((a) => a.path)).toEqual(['daChuyenDon']);
    expect(await s.effects(id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'emit', topic: 'to-cao.chuyen-don', data: { soVanBan: '12/UBND-TCD', coQuanNhan: 'Thanh tra thành phố Hải Phòng', ngayChuyen: '2026-04-29' } }),
        expect.objectContaining({ type: 'instance.done', output: { ketQua: 'chuyen-don' } }),
      ]),
    );
    expect(await s.advanceTo('2026-05-06T00:00:00.000Z')).toEqual([]); // the forwarding limit was cancelled
  });
});

describe('denunciation: a Party member breaching Party rules goes to the Party Committee\'s Inspection Commission', () => {
  const sc = scenario();

  it('routes by the form fields and the Inspection Commission takes it over', async () => {
    const s = sc.get();
    const { officer, chairman, secretary, commission } = people(s);
    const { id } = await s.start('denunciation', officer, input);
    const view = await s.send(id, officer, 'PHAN_LOAI', {
      ketQua: 'thu-ly',
      laDangVien: true,
      viPhamQuyDinhDang: true,
      lyDo: 'Đảng viên vi phạm quy định về những điều đảng viên không được làm',
    });
    expect(view.activeStates.map((a) => a.path)).toEqual(['chuyenToChucDang']);
    expect(view.context).toMatchObject({ laDangVien: true, viPhamQuyDinhDang: true, ketQuaXuLyBanDau: 'chuyen-to-chuc-dang' });
    expect(deadline(view, 'chuyenToChucDang')).toMatchObject({ dueDate: '2026-05-05' });
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({
        state: 'chuyenToChucDang',
        roles: ['uy-ban-kiem-tra'],
        // The Party Committee's unit too: an escalation adds its Standing Members, who work there.
        units: ['ubkt-dang-uy', 'dang-uy'],
        priority: HIGH,
      }),
    ]);
    expect(await s.effects(id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'notify', roles: ['uy-ban-kiem-tra'] })]),
    );

    // The People's Committee cannot take over a Party matter: the letter officer is no candidate of the
    // Commission's task, the chairman and the Party secretary of the People's Committee (no task on this
    // instance) do not even see it.
    await expect(s.send(id, officer, 'TIEP_NHAN_TO_CHUC_DANG', { coQuanGiaiQuyet: 'ubkt-dang-uy' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.send(id, chairman, 'TIEP_NHAN_TO_CHUC_DANG', { coQuanGiaiQuyet: 'ubkt-dang-uy' })).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    await expect(s.send(id, secretary, 'TIEP_NHAN_TO_CHUC_DANG', { coQuanGiaiQuyet: 'ubkt-dang-uy' })).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    // The Party Building Board is no body that resolves denunciations.
    await expect(s.send(id, commission, 'TIEP_NHAN_TO_CHUC_DANG', { coQuanGiaiQuyet: 'bxdd' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await s.advanceTo('2026-04-28T02:00:00.000Z');
    const done = await s.send(id, commission, 'TIEP_NHAN_TO_CHUC_DANG', { coQuanGiaiQuyet: 'ubkt-dang-uy', soVanBan: '05-CV/UBKT', ngayVanBan: '2026-04-28' });
    expect(done.status).toBe('done');
    expect(done.activeStates.map((a) => a.path)).toEqual(['daChuyenToChucDang']);
    expect(done.context).toMatchObject({ coQuanDangGiaiQuyet: 'ubkt-dang-uy', ngayVanBanDang: '2026-04-28', nguoiTiepNhanDang: { id: 'ubkt-1' } });
  });

  it('a Party member whose breach is not of Party rules stays with the state (acceptance)', async () => {
    const s = sc.get();
    const { officer } = people(s);
    const { id } = await s.start('denunciation', officer, input);
    const view = await s.send(id, officer, 'PHAN_LOAI', { ketQua: 'thu-ly', laDangVien: true, viPhamQuyDinhDang: false });
    expect(view.activeStates.map((a) => a.path)).toEqual(['quyetDinhThuLy']);
  });
});

describe('denunciation: whoever filed any verification report may not conclude', () => {
  const sc = scenario();

  it('a verifier who asks for a supplementary verification and lets a colleague file it still may not conclude', async () => {
    const s = sc.get();
    const { officer, verifier, chairman } = people(s);
    // Holds two posts at once (kiêm nhiệm): a verifying officer who also holds the chairman's role.
    const dual = s.person('xac-minh-chu-tich', [
      { role: 'can-bo-xac-minh', unit: 'van-phong-hdnd-ubnd' },
      { role: 'chu-tich', unit: 'ubnd' },
    ]);
    const { id } = await s.start('denunciation', officer, { ...input, maDon: 'TC-2026-009' });
    await s.send(id, officer, 'PHAN_LOAI', { ketQua: 'thu-ly', laDangVien: false, viPhamQuyDinhDang: false });
    await s.send(id, chairman, 'THU_LY', { soQuyetDinh: '31/QĐ-UBND', ngayThuLy: '2026-04-23' });
    await s.send(id, officer, 'THONG_BAO_THU_LY', {});
    await s.send(id, dual, 'BAO_CAO_XAC_MINH', { soBaoCao: '07/BC-VP', ngayBaoCao: '2026-04-23' });
    await expect(s.send(id, dual, 'KET_LUAN', { ketQuaKetLuan: 'dung', ngayKetLuan: '2026-04-23' })).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    // The same person asks for a supplementary verification, which a colleague files.
    await s.send(id, dual, 'XAC_MINH_BO_SUNG', { yeuCau: 'Làm rõ số tiền đã nhận' });
    let view = await s.send(id, verifier, 'BAO_CAO_XAC_MINH', { soBaoCao: '08/BC-VP', ngayBaoCao: '2026-04-23', kienNghi: 'Kiểm điểm' });
    expect(view.activeStates.map((a) => a.path)).toEqual(['giaiQuyet.ketLuan']);
    expect(view.context).toMatchObject({ nguoiXacMinh: { id: 'xac-minh-1' } });
    // The last report is the colleague's, but the first was theirs: refused, nothing changes.
    const before = await s.get(id);
    await expect(s.send(id, dual, 'KET_LUAN', { ketQuaKetLuan: 'dung', ngayKetLuan: '2026-04-23' })).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    expect((await s.get(id)).revision).toBe(before.revision);
    // The conclusion is dated: not before the acceptance.
    await expect(s.send(id, chairman, 'KET_LUAN', { ketQuaKetLuan: 'dung-mot-phan', ngayKetLuan: '2026-04-22' })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      details: { refusals: [{ message: expect.objectContaining({ vi: 'Ngày kết luận không được trước ngày thụ lý.' }), field: 'ngayKetLuan' }] },
    });
    view = await s.send(id, chairman, 'KET_LUAN', { ketQuaKetLuan: 'dung-mot-phan', ngayKetLuan: '2026-04-23' });
    expect(view.context).toMatchObject({ nguoiKetLuan: { id: 'chu-tich-1' } });
  });
});

describe('denunciation: refused events change nothing', () => {
  const sc = scenario();

  it('an out-of-order event and a wrong actor are refused, the instance unchanged', async () => {
    const s = sc.get();
    const { officer, verifier, admin } = people(s);
    const { id } = await s.start('denunciation', officer, input);
    const before = await s.get(id);
    const tasksBefore = await s.openTasks(id);

    // Concluding before the initial handling: not accepted in this state.
    await expect(s.send(id, officer, 'KET_LUAN', { ketQuaKetLuan: 'dung' })).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED' });
    await expect(s.send(id, admin, 'THU_LY', { soQuyetDinh: '1/QĐ', ngayThuLy: '2026-04-23' })).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED' });
    // An admin sees the instance but is no candidate of the letter officer's task; the verifier has no task
    // here yet; a timer event cannot be sent by a person.
    await expect(s.send(id, admin, 'PHAN_LOAI', { ketQua: 'thu-ly' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.send(id, verifier, 'PHAN_LOAI', { ketQua: 'thu-ly' })).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    await expect(s.send(id, officer, 'QUA_HAN_XU_LY_BAN_DAU')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Not-accepting needs a reason, and the number and date of the notice of non-acceptance, not before the receipt.
    await expect(s.send(id, officer, 'PHAN_LOAI', { ketQua: 'khong-thu-ly' })).rejects.toMatchObject({ code: 'GUARD_REJECTED' });
    await expect(s.send(id, officer, 'PHAN_LOAI', { ketQua: 'khong-thu-ly', lyDo: 'Nặc danh' })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      details: { refusals: expect.arrayContaining([expect.objectContaining({ field: 'soThongBaoKhongThuLy' })]) },
    });
    await expect(
      s.send(id, officer, 'PHAN_LOAI', { ketQua: 'khong-thu-ly', lyDo: 'Nặc danh', soThongBaoKhongThuLy: '09/TB-UBND', ngayThongBaoKhongThuLy: '2026-04-20' }),
    ).rejects.toMatchObject({ code: 'GUARD_REJECTED', details: { refusals: expect.arrayContaining([expect.objectContaining({ field: 'ngayThongBaoKhongThuLy' })]) } });
    // A start without the receipt date is refused: the limits count from it, never from the click.
    await expect(s.start('denunciation', officer, { ...input, ngayNhanDon: undefined })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const after = await s.get(id);
    expect(after.revision).toBe(before.revision);
    expect(after.state).toEqual(before.state);
    expect(after.context).toEqual(before.context);
    expect(after.deadlines).toEqual(before.deadlines);
    expect(await s.openTasks(id)).toEqual(tasksBefore);
    expect((await s.history(id)).map((h) => h[0])).toEqual(['xstate.init']);
  });
});
