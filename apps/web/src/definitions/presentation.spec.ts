import { describe, expect, it } from '@jest/globals';
import type { DefinitionSource } from '../api/types.ts';
import { dataEntries, dataOrder, fieldLabel, fieldPath, humanize, isHidden, valueLabel } from './presentation.ts';

/** A complaint in small: a start form, two events, labels for some fields and values. */
const source: DefinitionSource = {
  key: 'don',
  title: { vi: 'Đơn', en: 'Letter' },
  summary: '{nguoiKhieuNai}: {noiDung}',
  inputSchema: { type: 'object', properties: { kenhTiepNhan: { type: 'string', enum: ['truc-tiep', 'buu-chinh'], title: 'Kênh tiếp nhận (trực tiếp, bưu chính)' } } },
  fields: {
    kenhTiepNhan: { label: { vi: 'Kênh tiếp nhận', en: 'Channel' } },
    ngayNhan: { label: { vi: 'Ngày nhận đơn', en: 'Date received' }, format: 'date' },
    'diaDiem.phong': { label: { vi: 'Phòng', en: 'Room' } },
    daGiaHan: { hidden: true },
    nguoiTiepNhan: { label: { vi: 'Người tiếp nhận', en: 'Received by' }, format: 'user' },
  },
  values: { 'truc-tiep': { vi: 'Trực tiếp', en: 'In person' }, 'thuoc-tham-quyen': { vi: 'Thuộc thẩm quyền', en: 'Within competence' } },
  events: {
    PHAN_LOAI: { label: { vi: 'Phân loại', en: 'Classify' }, kind: 'human', schema: { type: 'object', required: ['ketQua'], properties: { ketQua: { type: 'string', title: 'Kết quả (Result)' } } } },
    TIEP_NHAN: {
      label: { vi: 'Tiếp nhận', en: 'Register' },
      kind: 'human',
      schema: {
        type: 'object',
        required: ['nguoiKhieuNai', 'noiDung', 'ngayNhan'],
        properties: { ngayNhan: { type: 'string', format: 'date', title: 'Ngày nhận' }, noiDung: { type: 'string', title: 'Nội dung' }, nguoiKhieuNai: { type: 'string', title: 'Người khiếu nại' } },
      },
    },
  },
  machine: {
    initial: 'tiepNhan',
    states: {
      phanLoai: { meta: { task: { title: { vi: 'Phân loại', en: 'Classify' }, outcomes: ['PHAN_LOAI'] } } },
      tiepNhan: { meta: { task: { title: { vi: 'Tiếp nhận', en: 'Register' }, outcomes: ['TIEP_NHAN'] } }, on: { TIEP_NHAN: 'phanLoai' } },
    },
  },
};

describe('labels of case data', () => {
  it('names a field by the definition’s label, else by its form title in the language chosen, else by nothing', () => {
    expect(fieldLabel(source, 'kenhTiepNhan', 'vi', 'Kênh tiếp nhận (trực tiếp, bưu chính)')).toBe('Kênh tiếp nhận');
    expect(fieldLabel(source, 'kenhTiepNhan', 'en')).toBe('Channel');
    expect(fieldLabel(source, 'ketQua', 'en', 'Kết quả (Result)')).toBe('Result');
    expect(fieldLabel(source, 'ketQua', 'vi', 'Kết quả (Result)')).toBe('Kết quả');
    expect(fieldLabel(source, 'khac', 'vi')).toBeUndefined();
    expect(fieldLabel(source, 'constructor', 'vi')).toBeUndefined();
  });

  it('labels enum values, and nothing else', () => {
    expect(valueLabel(source, 'truc-tiep', 'vi')).toBe('Trực tiếp');
    expect(valueLabel(source, 'truc-tiep', 'en')).toBe('In person');
    expect(valueLabel(source, 'buu-chinh', 'vi')).toBeUndefined();
    expect(valueLabel(source, true, 'vi')).toBeUndefined();
    expect(valueLabel(source, 'toString', 'vi')).toBeUndefined();
  });

  it('reads form pointers as the dotted paths `fields` names', () => {
    expect(fieldPath('/diaDiem/phong')).toBe('diaDiem.phong');
    expect(fieldPath('/thanhVien/0/ten')).toBe('thanhVien.ten');
    expect(fieldPath('')).toBe('');
    expect(isHidden(source, 'daGiaHan')).toBe(true);
    expect(isHidden(source, 'ngayNhan')).toBe(false);
  });

  it('puts a machine’s name into words when nothing labels it', () => {
    expect(humanize('ngayThuLy')).toBe('Ngay thu ly');
    expect(humanize('so-phieu_chuyen')).toBe('So phieu chuyen');
  });

  it('orders the case data as the case is filled: start form, then each step’s form (required first), then the rest', () => {
    expect(dataOrder(source, ['ketQua', 'daGiaHan', 'ngayNhan', 'kenhTiepNhan', 'nguoiKhieuNai', 'noiDung', 'khac'])).toEqual([
      'kenhTiepNhan',
      'nguoiKhieuNai',
      'noiDung',
      'ngayNhan',
      'ketQua',
      'daGiaHan',
      'khac',
    ]);
  });

  it('lists the entries people see: labelled, without hidden or empty fields, with their format and schema', () => {
    const entries = dataEntries(source, { daGiaHan: false, ngayNhan: '2026-11-02', nguoiKhieuNai: 'Nguyễn Văn A', noiDung: '', ketQua: null, nguoiTiepNhan: 'tiep-dan-1', soLan: 2 }, 'vi');
    expect(entries.map((e) => [e.key, e.label, e.format])).toEqual([
      ['nguoiKhieuNai', 'Người khiếu nại', undefined],
      ['ngayNhan', 'Ngày nhận đơn', 'date'],
      ['nguoiTiepNhan', 'Người tiếp nhận', 'user'],
      ['soLan', 'So lan', undefined],
    ]);
    expect(entries[1].schema).toMatchObject({ format: 'date' });
    const nested = dataEntries(source, { phong: 'P.2', tang: 3 }, 'en', { type: 'object', properties: { tang: { type: 'integer', title: 'Tầng (Floor)' } } }, 'diaDiem');
    expect(nested.map((e) => [e.path, e.label])).toEqual([
      ['diaDiem.tang', 'Floor'],
      ['diaDiem.phong', 'Room'],
    ]);
  });
});
