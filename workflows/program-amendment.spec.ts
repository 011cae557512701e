import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Scenario } from '../test/support/scenario.js';
import { refusal, reasons } from '../test/support/steps.js';

/**
 * Amending the program (its last paragraph: the two sides exchange views to supplement it): both
 * sides give their opinion in parallel, the standing secretariats draft, the head of the Board and
 * the secretary of the People's Committee Party Committee both sign (either may send it back), the
 * Board issues it. The sides may also stop when they do not agree.
 */
const FILE = 'workflows/program-amendment.json';

function people(s: Scenario) {
  return {
    deputy: s.person('pho-ban-1', [{ role: 'pho-truong-ban-xddd', unit: 'bxdd' }]),
    head: s.person('truong-ban-1', [{ role: 'truong-ban-xddd', unit: 'bxdd' }]),
    secretary: s.person('bi-thu-1', [{ role: 'bi-thu-dang-uy-ubnd', unit: 'dang-uy-ubnd' }]),
    office: s.person('van-phong-1', [{ role: 'van-phong-dang-uy-ubnd', unit: 'van-phong-dang-uy-ubnd' }]),
  };
}

const paths = (view: { activeStates: Array<{ path: string }> }) => view.activeStates.map((a) => a.path).sort();
const proposal = {
  benDeXuat: 'bxdd',
  mucDeXuat: 'II.3',
  noiDungDeXuat: 'Bổ sung nội dung phối hợp tuyên truyền trên nền tảng số, đối thoại trực tuyến với Nhân dân.',
  lyDo: 'Nội dung phát sinh theo chỉ đạo của Ban Tuyên giáo và Dân vận Thành ủy.',
};
const opinion = (ngay: string) => ({ ngay, dongY: 'dong-y-co-sua-doi', yKien: 'Đồng ý, đề nghị nêu rõ trách nhiệm của Văn phòng.' });
const draft = (ngayTrinh: string) => ({
  ngayTrinh,
  noiDungSuaDoi: [{ muc: 'II.3', noiDung: 'Bổ sung: hằng quý tổ chức ít nhất 01 buổi đối thoại trực tuyến với Nhân dân.' }],
  tomTat: 'Bổ sung mục II.3 về đối thoại trực tuyến.',
});

describe('program-amendment: an amendment proposed by the Board in June 2026', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-06-08T02:00:00.000Z'); // Mon 8 Jun 2026
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('both sides are asked for their opinion, each within 10 working days', async () => {
    const view = await s.start('program-amendment', p.deputy, proposal);
    id = view.id;
    expect(paths(view)).toEqual(['traoDoi.bxdd.choYKien', 'traoDoi.dangUyUbnd.choYKien']);
    expect(view.deadlines.map((d) => [d.key, d.dueDate]).sort()).toEqual([
      ['han-y-kien-bxdd', '2026-06-22'],
      ['han-y-kien-dang-uy-ubnd', '2026-06-22'],
    ]);
  });

  it('each side answers only for itself; the Party Committee is late and escalated', async () => {
    await s.advanceTo('2026-06-09T02:00:00.000Z');
    expect((await refusal(s.send(id, p.office, 'Y_KIEN_BXDD', opinion('2026-06-09')))).code).toBe('FORBIDDEN');
    await s.send(id, p.deputy, 'Y_KIEN_BXDD', opinion('2026-06-09'));
    const fired = await s.advanceTo('2026-06-23T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-y-kien-dang-uy-ubnd', '2026-06-18T00:30:00.000Z'],
      ['deadline', 'han-y-kien-dang-uy-ubnd', '2026-06-22T17:00:00.000Z'],
    ]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['bi-thu-dang-uy-ubnd'] }));
    const view = await s.send(id, p.office, 'Y_KIEN_DANG_UY_UBND', opinion('2026-06-23'));
    expect(paths(view)).toEqual(['duThao']);
    expect(view.context).toMatchObject({ quaHanYKienDangUyUbnd: true, quaHanYKienBxdd: false });
  });

  it('the draft may not predate the opinions; both must sign, either may send it back', async () => {
    const early = await refusal(s.send(id, p.office, 'DU_THAO', draft('2026-06-20')));
    expect(reasons(early)).toEqual([['ngayTrinh', "The draft may not be dated before the People's Committee Party Committee's opinion."]]);
    let view = await s.send(id, p.office, 'DU_THAO', draft('2026-06-25'));
    expect(paths(view)).toEqual(['kyThongNhat.bxdd.choKy', 'kyThongNhat.dangUyUbnd.choKy']);
    const tasks = (await s.openTasks(id)).sort((a, b) => a.state.localeCompare(b.state));
    expect(tasks.map((t) => [t.state, t.roles, t.units])).toEqual([
      ['kyThongNhat.bxdd.choKy', ['truong-ban-xddd'], ['bxdd']],
      ['kyThongNhat.dangUyUbnd.choKy', ['bi-thu-dang-uy-ubnd'], ['dang-uy-ubnd']],
    ]);
    const before = await refusal(s.send(id, p.head, 'KY_BXDD', { ngayKy: '2026-06-24' }));
    expect(reasons(before)).toEqual([['ngayKy', 'The signature may not be dated before the draft was submitted.']]);
    view = await s.send(id, p.head, 'KY_BXDD', { ngayKy: '2026-06-26' });
    expect(paths(view)).toEqual(['kyThongNhat.bxdd.daKy', 'kyThongNhat.dangUyUbnd.choKy']);
    view = await s.send(id, p.secretary, 'TRA_LAI_DANG_UY_UBND', { yKien: 'Đề nghị ghi rõ kinh phí tổ chức đối thoại trực tuyến.' });
    expect(paths(view)).toEqual(['duThao']);
    expect(view.context.yKienTraLai).toEqual(['Đề nghị ghi rõ kinh phí tổ chức đối thoại trực tuyến.']);
  });

  it('the revised draft is signed by both and issued by the Board, not before the last signature', async () => {
    await s.send(id, p.deputy, 'DU_THAO', draft('2026-06-29'));
    await s.send(id, p.secretary, 'KY_DANG_UY_UBND', { ngayKy: '2026-06-30' });
    let view = await s.send(id, p.head, 'KY_BXDD', { ngayKy: '2026-06-29' });
    expect(paths(view)).toEqual(['banHanh']);
    const issue = { soVanBan: '02-CTr/BXDĐ-ĐUUBNDP', ngayBanHanh: '2026-06-29', noiNhan: ['Ban Tuyên giáo và Dân vận Thành ủy (để b/c)', 'Ban Thường vụ Đảng ủy (để b/c)'] };
    const early = await refusal(s.send(id, p.deputy, 'BAN_HANH', issue));
    expect(reasons(early)).toEqual([['ngayBanHanh', "The amendment may not be issued before the People's Committee Party Committee signed it."]]);
    view = await s.send(id, p.deputy, 'BAN_HANH', { ...issue, ngayBanHanh: '2026-07-01' });
    expect(view.status).toBe('done');
    const effects = await s.effects(id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'emit', topic: 'chuong-trinh.sua-doi', data: { soVanBan: '02-CTr/BXDĐ-ĐUUBNDP', ngayBanHanh: '2026-07-01', mucDeXuat: 'II.3' } }));
    expect(effects.find((e) => e.type === 'instance.done')).toMatchObject({ output: { ketQua: 'ban-hanh' } });
  });

  it('a proposal the sides do not agree on is stopped', async () => {
    const other = await s.start('program-amendment', p.office, { ...proposal, benDeXuat: 'dang-uy-ubnd', mucDeXuat: 'III.4.1' });
    await s.send(other.id, p.deputy, 'Y_KIEN_BXDD', { ...opinion('2026-07-01'), dongY: 'khong-dong-y' });
    await s.send(other.id, p.secretary, 'Y_KIEN_DANG_UY_UBND', opinion('2026-07-01'));
    const view = await s.send(other.id, p.deputy, 'DUNG', { lyDo: 'Chế độ thông tin 6 tháng đã đủ; không sửa đổi.' });
    expect(paths(view)).toEqual(['khongThongNhat']);
    expect((await s.effects(other.id)).find((e) => e.type === 'instance.done')).toMatchObject({ output: { ketQua: 'khong-thong-nhat' } });
  });
});
