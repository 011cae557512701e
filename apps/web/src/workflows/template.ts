// The starting point of a new workflow in the editor: small, valid, bilingual.
export const TEMPLATE = {
  key: 'quy-trinh-moi',
  title: { vi: 'Quy trình mới', en: 'New workflow' },
  roles: { 'chuyen-vien': { vi: 'Chuyên viên', en: 'Officer' } },
  inputSchema: {
    type: 'object',
    required: ['noiDung'],
    properties: { noiDung: { type: 'string', minLength: 3, maxLength: 500, title: 'Nội dung (Content)' } },
  },
  events: {
    HOAN_THANH: { label: { vi: 'Hoàn thành', en: 'Finish' }, kind: 'human' },
  },
  machine: {
    initial: 'xuLy',
    states: {
      xuLy: {
        meta: {
          label: { vi: 'Đang xử lý', en: 'In progress' },
          task: { title: { vi: 'Xử lý hồ sơ', en: 'Handle the case' }, roles: ['chuyen-vien'], outcomes: ['HOAN_THANH'] },
        },
        on: { HOAN_THANH: 'daXong' },
      },
      daXong: { type: 'final', meta: { label: { vi: 'Đã hoàn thành', en: 'Finished' } } },
    },
  },
};
