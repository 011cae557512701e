/**
 * Definitions used by the engine's specs (not exported from the lib's index).
 */
import type { Actor, WorkflowDefinition } from './types.js';

const L = (vi: string, en: string) => ({ vi, en });

/**
 * A first complaint (khiếu nại lần đầu), simplified from the Law on Complaints 2011: register ->
 * classify (eventless) -> accept -> verify files and hold a dialogue in parallel -> conclude.
 * Exercises nested, parallel and final states, `always`, `onDone`, root transitions, `#id` and
 * `.child` targets, deadlines on a compound state, and most of the vocabulary.
 */
export const complaintDefinition: WorkflowDefinition = {
  key: 'khieu-nai',
  title: L('Giải quyết khiếu nại lần đầu', 'First complaint resolution'),
  description: L(
    'Tiếp nhận, thụ lý, xác minh, đối thoại và ra quyết định giải quyết khiếu nại.',
    'Register, accept, verify, hold a dialogue and decide on a complaint.',
  ),
  roles: {
    'can-bo-tiep-dan': L('Cán bộ tiếp công dân', 'Receiving officer'),
    'can-bo-xu-ly': L('Cán bộ xử lý đơn', 'Letter-handling officer'),
    'thanh-tra': L('Thanh tra viên', 'Inspector'),
    'chu-tich': L('Chủ tịch UBND phường', 'Ward chairman'),
  },
  inputSchema: {
    type: 'object',
    required: ['nguoiKhieuNai', 'ngayNhan'],
    additionalProperties: false,
    properties: {
      nguoiKhieuNai: { type: 'string', minLength: 2 },
      ngayNhan: { type: 'string', format: 'date-time' },
      soNguoiKy: { type: 'integer', minimum: 1 },
    },
  },
  context: { loai: null, soLanGiaHan: 0, ghiChu: [], nguoiTiepNhan: null, ketQua: null },
  events: {
    TIEP_NHAN: {
      label: L('Tiếp nhận đơn', 'Register the letter'),
      kind: 'human',
      schema: {
        type: 'object',
        required: ['loai'],
        additionalProperties: false,
        properties: { loai: { enum: ['thuoc-tham-quyen', 'ngoai-tham-quyen'] } },
      },
    },
    THU_LY: { label: L('Thụ lý', 'Accept'), kind: 'human' },
    XAC_MINH_XONG: { label: L('Hoàn thành xác minh', 'Verification done'), kind: 'human' },
    DOI_THOAI_XONG: { label: L('Đã đối thoại', 'Dialogue held'), kind: 'human' },
    KET_LUAN: {
      label: L('Ra quyết định giải quyết', 'Decide'),
      kind: 'human',
      schema: {
        type: 'object',
        required: ['ketQua', 'soQuyetDinh'],
        additionalProperties: false,
        properties: {
          ketQua: { enum: ['dung', 'sai', 'dung-mot-phan'] },
          soQuyetDinh: { type: 'string', minLength: 1 },
        },
      },
    },
    BINH_LUAN: {
      label: L('Ghi chú', 'Comment'),
      kind: 'human',
      schema: { type: 'object', required: ['noiDung'], properties: { noiDung: { type: 'string', minLength: 1 } } },
    },
    GIA_HAN: {
      label: L('Gia hạn giải quyết', 'Extend the time limit'),
      kind: 'human',
      schema: { type: 'object', required: ['lyDo'], properties: { lyDo: { type: 'string', minLength: 1 } } },
    },
    QUA_HAN: { label: L('Quá hạn giải quyết', 'Time limit passed'), kind: 'timer' },
    HUY: { label: L('Rút đơn', 'Withdraw'), kind: 'human' },
  },
  machine: {
    id: 'khieu-nai',
    initial: 'tiepNhan',
    on: {
      HUY: {
        target: '.daRut',
        guard: {
          type: 'any',
          params: {
            guards: [
              { type: 'hasRole', params: { role: 'chu-tich' } },
              { type: 'hasRole', params: { role: 'admin' } },
            ],
          },
        },
      },
    },
    states: {
      tiepNhan: {
        meta: {
          label: L('Tiếp nhận đơn', 'Registering the letter'),
          task: {
            title: L('Tiếp nhận và phân loại đơn', 'Register and classify the letter'),
            roles: ['can-bo-tiep-dan'],
            units: ['ubnd-phuong'],
            outcomes: ['TIEP_NHAN'],
          },
          deadlines: [
            {
              key: 'tiep-nhan',
              label: L('Hạn thụ lý', 'Acceptance time limit'),
              after: { workingDays: 10 },
              from: { context: 'ngayNhan' },
              escalate: {
                priority: 'urgent',
                addRoles: ['chu-tich'],
                notify: { roles: ['chu-tich'], message: L('Đơn quá hạn thụ lý', 'Letter overdue for acceptance') },
              },
              reminders: [{ before: { workingDays: 2 } }],
            },
          ],
        },
        on: {
          TIEP_NHAN: {
            target: 'phanLoai',
            guard: { type: 'hasRole', params: { role: 'can-bo-tiep-dan' } },
            actions: [
              { type: 'assign', params: { set: { loai: { path: 'payload.loai' }, 'hoSo.nguon': { value: 'truc-tiep' } } } },
              { type: 'recordActor', params: { path: 'nguoiTiepNhan' } },
            ],
          },
        },
      },
      phanLoai: {
        meta: { label: L('Phân loại', 'Classifying') },
        always: [
          {
            target: 'chuyenDon',
            guard: {
              type: 'compare',
              params: { left: { path: 'context.loai' }, op: '==', right: { value: 'ngoai-tham-quyen' } },
            },
            actions: [
              {
                type: 'notify',
                params: {
                  users: [{ path: 'context.nguoiTiepNhan' }],
                  message: L('Đơn không thuộc thẩm quyền, đã chuyển', 'Letter outside competence, forwarded'),
                },
              },
            ],
          },
          { target: 'xuLy' },
        ],
      },
      chuyenDon: {
        type: 'final',
        meta: { label: L('Đã chuyển đơn', 'Forwarded') },
        output: { ketQua: 'chuyen-don' },
      },
      xuLy: {
        initial: 'thuLy',
        meta: {
          label: L('Giải quyết', 'Handling'),
          deadlines: [
            {
              key: 'giai-quyet',
              after: { days: 30 },
              event: 'QUA_HAN',
              reminders: [{ before: { days: 5 }, message: L('Sắp hết hạn giải quyết', 'Time limit approaching') }],
            },
          ],
        },
        on: {
          BINH_LUAN: {
            actions: [{ type: 'append', params: { path: 'context.ghiChu', item: { path: 'payload.noiDung' } } }],
          },
          GIA_HAN: {
            guard: {
              type: 'all',
              params: {
                guards: [
                  { type: 'hasRole', params: { role: 'chu-tich' } },
                  { type: 'compare', params: { left: { path: 'context.soLanGiaHan' }, op: '<', right: { value: 2 } } },
                ],
              },
            },
            actions: [
              { type: 'increment', params: { path: 'soLanGiaHan' } },
              { type: 'extendDeadline', params: { deadline: 'giai-quyet', by: { days: 30 }, reason: { path: 'payload.lyDo' } } },
            ],
          },
          QUA_HAN: {
            actions: [
              {
                type: 'notify',
                params: { roles: ['chu-tich'], message: L('Khiếu nại quá hạn giải quyết', 'Complaint overdue') },
              },
            ],
          },
        },
        states: {
          thuLy: {
            meta: {
              label: L('Thụ lý', 'Accepting'),
              task: {
                title: L('Ra thông báo thụ lý', 'Issue the notice of acceptance'),
                roles: ['can-bo-xu-ly'],
                priority: 'high',
                outcomes: ['THU_LY'],
              },
            },
            on: {
              THU_LY: {
                target: 'xacMinh',
                // separation of duties: whoever registered the letter does not accept it
                guard: { type: 'notSameActor', params: { path: 'context.nguoiTiepNhan' } },
              },
            },
          },
          xacMinh: {
            type: 'parallel',
            meta: { label: L('Xác minh và đối thoại', 'Verification and dialogue') },
            onDone: { target: 'ketLuan' },
            states: {
              hoSo: {
                initial: 'dangXacMinh',
                states: {
                  dangXacMinh: {
                    meta: {
                      label: L('Xác minh nội dung', 'Verifying'),
                      task: {
                        title: L('Xác minh nội dung khiếu nại', 'Verify the complaint'),
                        roles: ['thanh-tra'],
                        outcomes: ['XAC_MINH_XONG'],
                      },
                    },
                    on: { XAC_MINH_XONG: 'daXacMinh' },
                  },
                  daXacMinh: { type: 'final' },
                },
              },
              doiThoai: {
                initial: 'choDoiThoai',
                states: {
                  choDoiThoai: {
                    meta: {
                      label: L('Chờ đối thoại', 'Awaiting dialogue'),
                      task: {
                        title: L('Tổ chức đối thoại', 'Hold the dialogue'),
                        roles: ['can-bo-xu-ly'],
                        outcomes: ['DOI_THOAI_XONG'],
                      },
                    },
                    on: { DOI_THOAI_XONG: { target: 'daDoiThoai' } },
                  },
                  daDoiThoai: { type: 'final' },
                },
              },
            },
          },
          ketLuan: {
            id: 'ketLuan',
            meta: {
              label: L('Ra quyết định', 'Deciding'),
              task: {
                title: L('Ký quyết định giải quyết khiếu nại', 'Sign the complaint decision'),
                roles: ['chu-tich'],
                priority: 'urgent',
                outcomes: ['KET_LUAN'],
              },
            },
            on: {
              KET_LUAN: {
                target: '#khieu-nai.daGiaiQuyet',
                guard: {
                  type: 'all',
                  params: {
                    guards: [
                      { type: 'hasRole', params: { role: 'chu-tich' } },
                      { type: 'exists', params: { path: 'payload.soQuyetDinh' } },
                      { type: 'not', params: { guard: { type: 'compare', params: { left: { path: 'context.soLanGiaHan' }, op: '>', right: { value: 2 } } } } },
                    ],
                  },
                },
                actions: [
                  { type: 'assign', params: { set: { ketQua: { path: 'payload.ketQua' }, soQuyetDinh: { path: 'payload.soQuyetDinh' } } } },
                  { type: 'recordActor', params: { path: 'nguoiKy' } },
                  {
                    type: 'emit',
                    params: {
                      topic: 'khieu-nai.quyet-dinh',
                      data: {
                        soQuyetDinh: { path: 'payload.soQuyetDinh' },
                        ketQua: { path: 'context.ketQua' },
                        nguoiKy: { path: 'actor.id' },
                        luc: { path: 'event.at' },
                      },
                    },
                  },
                  {
                    type: 'notify',
                    params: {
                      roles: ['can-bo-xu-ly'],
                      users: ['cong-dan-portal', { path: 'context.nguoiTiepNhan' }],
                      message: L('Đã có quyết định giải quyết khiếu nại', 'The complaint has been decided'),
                    },
                  },
                ],
              },
            },
          },
        },
      },
      daGiaiQuyet: {
        type: 'final',
        meta: { label: L('Đã giải quyết', 'Resolved') },
        output: { ketQua: 'giai-quyet' },
      },
      daRut: { type: 'final', meta: { label: L('Đã rút đơn', 'Withdrawn') } },
    },
  },
};

/** A tiny definition for error paths and vocabulary checks; extend it per test via `withMachine`. */
export const tinyDefinition: WorkflowDefinition = {
  key: 'de-xuat',
  title: L('Đề xuất', 'Proposal'),
  roles: { 'truong-phong': L('Trưởng phòng', 'Head of department'), 'chuyen-vien': L('Chuyên viên', 'Officer') },
  context: { soTien: 0 },
  events: {
    GUI: {
      label: L('Gửi đề xuất', 'Send'),
      kind: 'human',
      schema: {
        type: 'object',
        required: ['soTien'],
        additionalProperties: false,
        properties: { soTien: { type: 'number', minimum: 0 }, ghiChu: { type: 'string' } },
      },
    },
    DUYET: { label: L('Phê duyệt', 'Approve'), kind: 'human' },
    TU_CHOI: { label: L('Từ chối', 'Reject'), kind: 'human' },
  },
  machine: {
    initial: 'nhap',
    states: {
      nhap: {
        meta: { label: L('Nháp', 'Draft') },
        on: {
          GUI: {
            target: 'choDuyet',
            actions: [{ type: 'assign', params: { set: { soTien: { path: 'payload.soTien' } } } }],
          },
        },
      },
      choDuyet: {
        meta: { label: L('Chờ phê duyệt', 'Awaiting approval') },
        on: {
          DUYET: [
            {
              target: 'daDuyet',
              guard: {
                type: 'all',
                params: {
                  guards: [
                    { type: 'hasRole', params: { role: 'truong-phong' } },
                    { type: 'compare', params: { left: { path: 'context.soTien' }, op: '<=', right: { value: 1000000 } } },
                  ],
                },
              },
            },
          ],
          TU_CHOI: 'tuChoi',
        },
      },
      daDuyet: { type: 'final', meta: { label: L('Đã phê duyệt', 'Approved') } },
      tuChoi: { type: 'final', meta: { label: L('Bị từ chối', 'Rejected') } },
    },
  },
};

export const actors = {
  tiepDan: { id: 'u-tiep-dan', roles: ['can-bo-tiep-dan'], units: ['ubnd-phuong'] } satisfies Actor,
  xuLy: { id: 'u-xu-ly', roles: ['can-bo-xu-ly'], units: ['ubnd-phuong'] } satisfies Actor,
  /** Holds both the receiving and the handling role: separation of duties must still stop them. */
  kiemNhiem: { id: 'u-kiem-nhiem', roles: ['can-bo-tiep-dan', 'can-bo-xu-ly'], units: ['ubnd-phuong'] } satisfies Actor,
  thanhTra: { id: 'u-thanh-tra', roles: ['thanh-tra'], units: ['thanh-tra-phuong'] } satisfies Actor,
  chuTich: { id: 'u-chu-tich', roles: ['chu-tich'], units: ['ubnd-phuong'] } satisfies Actor,
  truongPhong: { id: 'u-truong-phong', roles: ['truong-phong'], units: ['phong-vh'] } satisfies Actor,
  chuyenVien: { id: 'u-chuyen-vien', roles: ['chuyen-vien'], units: ['phong-vh'] } satisfies Actor,
  system: { id: 'system', roles: ['system'], units: [] } satisfies Actor,
};

/** Deep copy through JSON. */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
