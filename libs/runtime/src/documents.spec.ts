import { describe, expect, it } from '@jest/globals';
import type { DocumentDefinition } from '#libs/engine';
import { builtins, documentNumber, vietnamDate } from './documents.js';

const doc: DocumentDefinition = {
  key: 'thong-bao-thu-ly',
  title: { vi: 'Thông báo thụ lý giải quyết khiếu nại', en: 'Notice' },
  on: 'THU_LY',
  number: { scheme: '{seq}/TB-UBND' },
  issuer: 'ỦY BAN NHÂN DÂN PHƯỜNG AN PHONG',
  place: 'An Phong',
  recipients: ['Như trên'],
};

describe('document numbers and dates', () => {
  it('writes numbers below 10 with a leading 0, as Nghị định 30/2020/NĐ-CP does', () => {
    expect(documentNumber('{seq}/TB-UBND', 1, 2026)).toBe('01/TB-UBND');
    expect(documentNumber('{seq}/TB-UBND', 12, 2026)).toBe('12/TB-UBND');
    expect(documentNumber('{seq}/{year}/QĐ-UBND', 305, 2026)).toBe('305/2026/QĐ-UBND');
  });

  it('dates a document in Việt Nam (UTC+7): 17:30 UTC on 31 December is already the new year', () => {
    expect(vietnamDate(new Date('2026-12-31T16:59:59Z'))).toEqual({ day: 31, month: 12, year: 2026 });
    expect(vietnamDate(new Date('2026-12-31T17:30:00Z'))).toEqual({ day: 1, month: 1, year: 2027 });
  });

  it('writes the place and date line with a leading 0 for days below 10 and the months 1 and 2 only', () => {
    expect(builtins(doc, '01/TB-UBND', new Date('2026-02-05T03:00:00Z'), 'KN-1').diaDanhNgay).toBe('An Phong, ngày 05 tháng 02 năm 2026');
    expect(builtins(doc, '01/TB-UBND', new Date('2026-04-15T03:00:00Z'), null)).toMatchObject({
      diaDanhNgay: 'An Phong, ngày 15 tháng 4 năm 2026',
      so: '01/TB-UBND',
      coQuan: 'ỦY BAN NHÂN DÂN PHƯỜNG AN PHONG',
      noiNhan: [{ ten: 'Như trên' }],
      maHoSo: '',
    });
  });
});
