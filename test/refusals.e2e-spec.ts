// A decision refused by a rule of the workflow answers in the person's words: 422 with the guard's
// message in both languages, at the payload field to correct, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/app.js';

const L = (vi: string, en: string) => ({ vi, en });
const TOO_EARLY = L('Ngày thụ lý không được trước ngày nhận đơn.', 'The acceptance date may not be before the date the letter was received.');

const source = {
  key: 'thu-ly-thu',
  title: L('Thụ lý đơn (kiểm thử)', 'Accepting a letter (test)'),
  roles: { 'can-bo': L('Cán bộ xử lý đơn', 'Letter-handling officer') },
  inputSchema: { type: 'object', required: ['ngayNhan'], properties: { ngayNhan: { type: 'string', format: 'date' } } },
  context: { ngayNhan: null, ngayThuLy: null },
  events: {
    THU_LY: {
      label: L('Thụ lý', 'Accept'),
      kind: 'human',
      schema: { type: 'object', required: ['ngayThuLy'], additionalProperties: false, properties: { ngayThuLy: { type: 'string', format: 'date', title: 'Ngày thụ lý' } } },
    },
  },
  machine: {
    initial: 'choThuLy',
    states: {
      choThuLy: {
        meta: { label: L('Chờ thụ lý', 'Awaiting acceptance'), task: { title: L('Thụ lý đơn', 'Accept the letter'), roles: ['can-bo'], outcomes: ['THU_LY'] } },
        on: {
          THU_LY: {
            target: 'daThuLy',
            guard: { type: 'compare', params: { left: { path: 'payload.ngayThuLy' }, op: '>=', right: { path: 'context.ngayNhan' } }, message: TOO_EARLY, field: 'ngayThuLy' },
            actions: [{ type: 'assign', params: { set: { ngayThuLy: { path: 'payload.ngayThuLy' } } } }],
          },
        },
      },
      daThuLy: { type: 'final', meta: { label: L('Đã thụ lý', 'Accepted') } },
    },
  },
};

describe('refusals people understand (issue 20)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows' });
    const draft = await t.http.post('/api/v1/definitions').send({ source }).expect(201);
    await t.http.post(`/api/v1/definitions/thu-ly-thu/versions/${draft.body.version}/publish`).expect(200);
  });
  afterAll(() => t?.close());

  it('an acceptance date before the receipt date: 422 with the message at /payload/ngayThuLy, the case unchanged', async () => {
    const officer = await t.as('can-bo-thu-ly', [{ role: 'can-bo', unit: 'ubnd' }]);
    const started = await officer.post('/api/v1/instances').send({ definitionKey: 'thu-ly-thu', input: { ngayNhan: '2026-03-10' } }).expect(201);
    const refused = await officer.post(`/api/v1/instances/${started.body.id}/events`).send({ type: 'THU_LY', payload: { ngayThuLy: '2026-03-09' } }).expect(422);
    expect(refused.body).toMatchObject({
      code: 'GUARD_REJECTED',
      message: `event "THU_LY" is not allowed now: ${TOO_EARLY.en}`,
      details: {
        failedGuards: ['compare'],
        refusals: [{ message: TOO_EARLY, field: 'ngayThuLy' }],
        issues: [{ path: '/payload/ngayThuLy', code: 'refused', message: TOO_EARLY.en, label: TOO_EARLY }],
      },
    });
    expect((await officer.get(`/api/v1/instances/${started.body.id}`).expect(200)).body).toMatchObject({ state: 'choThuLy', revision: 1 });
    await officer.post(`/api/v1/instances/${started.body.id}/events`).send({ type: 'THU_LY', payload: { ngayThuLy: '2026-03-10' } }).expect(200);
  });
});
