import { describe, expect, it } from '@jest/globals';
import type { JsonSchema } from '../api/types.ts';
import { validateValue } from './validate.ts';

/** Messages by key, with their numbers: what the form shows under each field. */
const i18n = { t: (key: string, vars?: Record<string, string | number>) => (vars ? `${key} ${JSON.stringify(vars)}` : key) } as never;

const form: JsonSchema = {
  type: 'object',
  required: ['hoTen', 'ngayNhan', 'soNguoi'],
  additionalProperties: false,
  properties: {
    hoTen: { type: 'string', minLength: 1, maxLength: 10, title: 'Họ và tên' },
    ngayNhan: { type: 'string', format: 'date', title: 'Ngày nhận đơn' },
    soNguoi: { type: 'integer', minimum: 1, maximum: 200 },
    email: { type: 'string', format: 'email' },
    ketQua: { type: 'string', enum: ['dong-y', 'tra-lai'] },
    maDonVi: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$' },
    thanhVien: { type: 'array', maxItems: 2, items: { type: 'string', minLength: 2 } },
  },
} as JsonSchema;

describe('validateValue (the event schema run by a standard JSON Schema validator, no eval)', () => {
  it('names each field with its own reason', () => {
    expect(
      validateValue(form, { hoTen: 'Nguyễn Văn Anh Tuấn', ngayNhan: '2026-02-30', soNguoi: 2.5, email: 'khong-phai-email', ketQua: 'co-the', maDonVi: 'UBND', thanhVien: ['A', 'Bình', 'Chi'] }, i18n),
    ).toEqual({
      '/hoTen': 'v.maxLength {"n":10}',
      '/ngayNhan': 'v.date',
      '/soNguoi': 'v.integer',
      '/email': 'v.email',
      '/ketQua': 'v.enum',
      '/maDonVi': 'v.pattern',
      '/thanhVien': 'v.maxItems {"n":2}',
      '/thanhVien/0': 'v.minLength {"n":2}',
    });
  });

  it('a field left blank is missing; a blank list item is required where it stands', () => {
    expect(validateValue(form, { hoTen: '', thanhVien: ['Bình', ''] }, i18n)).toEqual({
      '/hoTen': 'v.required',
      '/ngayNhan': 'v.required',
      '/soNguoi': 'v.required',
      '/thanhVien/1': 'v.required',
    });
  });

  it('a valid value has no messages; numbers out of range say their bound', () => {
    expect(validateValue(form, { hoTen: 'Lan', ngayNhan: '2026-02-17', soNguoi: 12 }, i18n)).toEqual({});
    expect(validateValue(form, { hoTen: 'Lan', ngayNhan: '2026-02-17', soNguoi: 0 }, i18n)).toEqual({ '/soNguoi': 'v.minimum {"n":1}' });
  });
});
