/**
 * A realistic small definition for `npm run bench:engine`: a document is drafted, submitted,
 * returned once for revision, approved and issued. Five states, two tasks, one deadline, guards
 * and context updates on most steps.
 *
 * `benchEvents` is one full life cycle for the actor
 * `{ id: 'bench', roles: ['chuyen-vien', 'truong-phong'], units: ['ubnd'] }`; `null` means
 * "start a new instance".
 */
import type { StepInput, WorkflowDefinition } from './types.js';

export const benchDefinition: WorkflowDefinition = {
  key: 'bench-document-approval',
  title: { vi: 'Trình duyệt và ban hành văn bản (đo hiệu năng)', en: 'Document approval and issue (benchmark)' },
  roles: {
    'chuyen-vien': { vi: 'Chuyên viên', en: 'Officer' },
    'truong-phong': { vi: 'Trưởng phòng', en: 'Head of department' },
  },
  inputSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { trichYeu: { type: 'string', minLength: 3, maxLength: 500 } },
  },
  context: { trichYeu: 'Kế hoạch tuyên truyền năm 2026', soLanTraLai: 0, yKien: [], quyetDinh: null, soVanBan: null },
  events: {
    TRINH: {
      label: { vi: 'Trình duyệt', en: 'Submit for approval' },
      kind: 'human',
      schema: { type: 'object', additionalProperties: false, properties: { ghiChu: { type: 'string', maxLength: 2000 } } },
    },
    QUYET_DINH: {
      label: { vi: 'Quyết định', en: 'Decide' },
      kind: 'human',
      schema: {
        type: 'object',
        required: ['ketQua'],
        additionalProperties: false,
        properties: {
          ketQua: { type: 'string', enum: ['dong-y', 'tra-lai'] },
          yKien: { type: 'string', maxLength: 2000 },
        },
      },
    },
    BAN_HANH: {
      label: { vi: 'Ban hành', en: 'Issue' },
      kind: 'human',
      schema: {
        type: 'object',
        required: ['soVanBan'],
        additionalProperties: false,
        properties: { soVanBan: { type: 'string', minLength: 1, maxLength: 50 } },
      },
    },
    QUA_HAN: { label: { vi: 'Quá hạn duyệt', en: 'Approval overdue' }, kind: 'timer' },
  },
  machine: {
    id: 'bench-document-approval',
    initial: 'soanThao',
    states: {
      soanThao: {
        meta: {
          label: { vi: 'Soạn thảo', en: 'Drafting' },
          task: {
            title: { vi: 'Hoàn thiện và trình văn bản', en: 'Finish and submit the document' },
            roles: ['chuyen-vien'],
            units: ['ubnd'],
            outcomes: ['TRINH'],
          },
        },
        on: {
          TRINH: {
            target: 'choDuyet',
            guard: { type: 'hasRole', params: { role: 'chuyen-vien' } },
            actions: [{ type: 'recordActor', params: { path: 'nguoiTrinh' } }],
          },
        },
      },
      choDuyet: {
        meta: {
          label: { vi: 'Chờ lãnh đạo duyệt', en: 'Awaiting approval' },
          task: {
            title: { vi: 'Duyệt văn bản', en: 'Review the document' },
            roles: ['truong-phong'],
            priority: 'high',
            outcomes: ['QUYET_DINH'],
          },
          deadlines: [{ key: 'duyet', after: { workingDays: 3 }, event: 'QUA_HAN' }],
        },
        on: {
          QUYET_DINH: [
            {
              target: 'daDuyet',
              guard: {
                type: 'all',
                params: {
                  guards: [
                    { type: 'hasRole', params: { role: 'truong-phong' } },
                    {
                      type: 'compare',
                      params: { left: { path: 'payload.ketQua' }, op: '==', right: { value: 'dong-y' } },
                    },
                  ],
                },
              },
              actions: [{ type: 'assign', params: { set: { quyetDinh: { path: 'payload.ketQua' } } } }],
            },
            {
              target: 'soanThao',
              guard: { type: 'hasRole', params: { role: 'truong-phong' } },
              actions: [
                { type: 'increment', params: { path: 'soLanTraLai' } },
                { type: 'append', params: { path: 'yKien', item: { path: 'payload.yKien' } } },
              ],
            },
          ],
          QUA_HAN: {
            actions: [
              {
                type: 'notify',
                params: {
                  roles: ['truong-phong'],
                  message: { vi: 'Văn bản chờ duyệt đã quá hạn', en: 'The document awaiting approval is overdue' },
                },
              },
            ],
          },
        },
      },
      daDuyet: {
        meta: {
          label: { vi: 'Đã duyệt, chờ ban hành', en: 'Approved, awaiting issue' },
          task: {
            title: { vi: 'Ban hành văn bản', en: 'Issue the document' },
            roles: ['chuyen-vien'],
            outcomes: ['BAN_HANH'],
          },
        },
        on: {
          BAN_HANH: {
            target: 'daBanHanh',
            actions: [
              { type: 'assign', params: { set: { soVanBan: { path: 'payload.soVanBan' } } } },
              { type: 'emit', params: { topic: 'van-ban.ban-hanh', data: { soVanBan: { path: 'payload.soVanBan' } } } },
            ],
          },
        },
      },
      daBanHanh: { type: 'final', meta: { label: { vi: 'Đã ban hành', en: 'Issued' } } },
    },
  },
};

export const benchEvents: Array<StepInput | null> = [
  { type: 'TRINH', payload: { ghiChu: 'Kính trình lãnh đạo phòng' } },
  { type: 'QUYET_DINH', payload: { ketQua: 'tra-lai', yKien: 'Bổ sung số liệu quý IV' } },
  { type: 'TRINH' },
  { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' } },
  { type: 'BAN_HANH', payload: { soVanBan: '12/KH-UBND' } },
  null,
];
