import { describe, expect, it } from '@jest/globals';
import { contentDisposition, detectType, MAX_NAME_LENGTH, sanitizeFileName } from './safety.js';

describe('file names', () => {
  it('keeps the last path part, NFC, without control or bidi characters, and caps the length keeping the extension', () => {
    expect(sanitizeFileName('C:\\fakepath\\Quyết định.pdf'.normalize('NFD'))).toBe('Quyết định.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('bao\u0000cao\u202egpj.exe')).toBe('baocaogpj.exe');
    expect(sanitizeFileName('..hidden')).toBe('hidden');
    expect(sanitizeFileName('a"b<c>.pdf')).toBe('a_b_c_.pdf');
    expect(sanitizeFileName('')).toBe('tep-dinh-kem');
    const long = sanitizeFileName('Đ'.repeat(500) + '.docx');
    expect([...long]).toHaveLength(MAX_NAME_LENGTH);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('offers downloads as attachments with an ASCII stand-in and the exact UTF-8 name', () => {
    expect(contentDisposition('Đơn khiếu nại (bản 2).pdf')).toBe(`attachment; filename="Don khieu nai (ban 2).pdf"; filename*=UTF-8''%C4%90%C6%A1n%20khi%E1%BA%BFu%20n%E1%BA%A1i%20%28b%E1%BA%A3n%202%29.pdf`);
    expect(contentDisposition('a";b.pdf')).toMatch(/^attachment; filename="a__b.pdf"; /);
  });
});

describe('types by the bytes', () => {
  it('names HTML, text and unknown bytes that file-type does not know', async () => {
    expect(await detectType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(await detectType(Buffer.from('<!doctype html><p>x'))).toBe('text/html');
    expect(await detectType(Buffer.from('<svg onload=alert(1)>'))).toBe('text/html');
    expect(await detectType(Buffer.from('Biên bản họp'))).toBe('text/plain');
    expect(await detectType(Buffer.from([0xff, 0x00, 0x13, 0x37, 0x00, 0x99]))).toBe('unknown');
  });
});
