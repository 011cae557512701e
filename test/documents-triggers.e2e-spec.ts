import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestAgent, type TestApp } from './support/app.js';
import { docx, docxText } from './support/docx.js';
import { bytesOf } from './support/download.js';
import { eventually } from './support/eventually.js';

/**
 * Papers issued by what happens to a case rather than by a person's event: entering a state (with
 * whichever event enters it) and a deadline's own event. Each is numbered from the register in the
 * step's transaction, recorded in its history row and bound to the case like any document.
 */
const L = (vi: string, en: string) => ({ vi, en });
const ISSUER = 'ỦY BAN NHÂN DÂN PHƯỜNG AN PHONG';

const definition = {
  key: 'test-document-triggers',
  title: L('Văn bản phát hành tự động (kiểm thử)', 'Documents issued by the case (test)'),
  roles: { 'can-bo': L('Cán bộ', 'Officer') },
  inputSchema: { type: 'object', properties: { nguoiDeNghi: { type: 'string', title: 'Người đề nghị' } } },
  events: {
    GUI: { label: L('Gửi hồ sơ', 'Send'), kind: 'human', schema: { type: 'object', properties: { ghiChu: { type: 'string' } } } },
    QUA_HAN: { label: L('Quá hạn', 'Overdue'), kind: 'timer' },
  },
  documents: [
    {
      key: 'phieu-tiep-nhan',
      title: L('Phiếu tiếp nhận hồ sơ', 'Receipt of the dossier'),
      template: 'templates/phieu-tiep-nhan.docx',
      onEnter: 'choXuLy',
      number: { scheme: '{seq}/PTN-UBND', series: 'PTN-UBND' },
      issuer: ISSUER,
      place: 'An Phong',
    },
    {
      key: 'thong-bao-qua-han',
      title: L('Thông báo quá hạn xử lý', 'Notice of the missed time limit'),
      template: 'templates/thong-bao-qua-han.docx',
      on: 'QUA_HAN',
      number: { scheme: '{seq}/TB-UBND', series: 'TB-UBND' },
      issuer: ISSUER,
      place: 'An Phong',
    },
  ],
  machine: {
    id: 'test-document-triggers',
    initial: 'nhap',
    states: {
      nhap: {
        meta: { label: L('Nháp', 'Draft'), task: { title: L('Gửi hồ sơ', 'Send the dossier'), roles: ['can-bo'], outcomes: ['GUI'] } },
        on: { GUI: { target: 'choXuLy' } },
      },
      choXuLy: {
        meta: { label: L('Chờ xử lý', 'Awaiting handling'), deadlines: [{ key: 'hanXuLy', label: L('Hạn xử lý', 'Handling limit'), after: { duration: 'PT1S' }, event: 'QUA_HAN' }] },
        on: { QUA_HAN: { target: 'quaHan' } },
      },
      quaHan: { type: 'final', meta: { label: L('Quá hạn', 'Overdue') } },
    },
  },
};

describe('documents issued on entering a state and by a deadline', () => {
  let t: TestApp;
  let dir: string;
  let officer: TestAgent;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'phoihop-document-triggers-'));
    await mkdir(join(dir, 'templates'));
    await writeFile(join(dir, 'test-document-triggers.json'), JSON.stringify(definition));
    await writeFile(join(dir, 'templates/phieu-tiep-nhan.docx'), await docx('{coQuan}', 'Số: {so}', 'PHIẾU TIẾP NHẬN HỒ SƠ của {nguoiDeNghi}', '{diaDanhNgay}'));
    await writeFile(join(dir, 'templates/thong-bao-qua-han.docx'), await docx('Số: {so}', 'Hồ sơ {maHoSo} của {nguoiDeNghi} đã quá hạn xử lý.'));
    t = await startTestApp({ workflowsDir: dir, queues: 'postgres' });
    officer = await t.officer();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const documents = async (id: string) => (await officer.get(`/api/v1/instances/${id}/documents`).expect(200)).body.items as Array<Record<string, any>>;
  const content = (fileId: string) => bytesOf(officer, fileId);

  it('a step that enters the state issues its paper, and the deadline that leaves it issues another', async () => {
    const started = await officer.post('/api/v1/instances').send({ definitionKey: 'test-document-triggers', input: { nguoiDeNghi: 'Phạm Thị Lan' } }).expect(201);
    const id = started.body.id as string;
    expect(await documents(id)).toEqual([]);
    await officer.post(`/api/v1/instances/${id}/events`).send({ type: 'GUI', payload: { ghiChu: 'Đủ thành phần hồ sơ' } }).expect(200);

    const [receipt] = await documents(id);
    expect(receipt).toMatchObject({ key: 'phieu-tiep-nhan', number: '01/PTN-UBND', state: 'choXuLy', event: 'GUI' });
    const text = docxText(await content(receipt.docx.fileId));
    expect(text).toContain('Số: 01/PTN-UBND');
    expect(text).toContain('PHIẾU TIẾP NHẬN HỒ SƠ của Phạm Thị Lan');
    expect(text).toContain(ISSUER);

    await eventually(async () => (await documents(id)).length === 2, 15000, 'the deadline to issue its notice');
    const notice = (await documents(id))[1];
    expect(notice).toMatchObject({ key: 'thong-bao-qua-han', number: '01/TB-UBND', event: 'QUA_HAN' });
    expect(docxText(await content(notice.docx.fileId))).toContain('của Phạm Thị Lan đã quá hạn xử lý.');

    const history = (await officer.get(`/api/v1/instances/${id}/history`).expect(200)).body.items as Array<{ event: { type: string }; actor: { id: string }; links?: { documents?: unknown[] } }>;
    expect(history.find((h) => h.event.type === 'GUI')!.links!.documents).toEqual([expect.objectContaining({ key: 'phieu-tiep-nhan', number: '01/PTN-UBND', sha256: receipt.docx.sha256 })]);
    const fired = history.find((h) => h.event.type === 'QUA_HAN')!;
    expect(fired.actor.id).toBe('system');
    expect(fired.links!.documents).toEqual([expect.objectContaining({ key: 'thong-bao-qua-han', number: '01/TB-UBND', sha256: notice.docx.sha256 })]);
    const verified = (await officer.get(`/api/v1/instances/${id}/history/verify`).expect(200)).body;
    expect(verified).toMatchObject({ ok: true, rows: 3 });
    expect(verified.files.map((f: { field: string; ok: boolean }) => [f.field, f.ok])).toEqual([['documents/phieu-tiep-nhan', true], ['documents/thong-bao-qua-han', true]]);
  });

  it('the next case continues each series', async () => {
    const started = await officer.post('/api/v1/instances').send({ definitionKey: 'test-document-triggers', input: { nguoiDeNghi: 'Lê Văn Minh' } }).expect(201);
    await officer.post(`/api/v1/instances/${started.body.id}/events`).send({ type: 'GUI' }).expect(200);
    expect((await documents(started.body.id)).map((d) => d.number)).toEqual(['02/PTN-UBND']);
  });
});
