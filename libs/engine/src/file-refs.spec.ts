import { describe, expect, it } from '@jest/globals';
import { createAjv } from './ajv.js';
import { declaresFiles, fileReferences, FILE_FORMAT } from './file-refs.js';

const ID1 = '3f1c2b7e-8a4d-4c21-9e0f-1a2b3c4d5e6f';
const ID2 = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const schema = {
  type: 'object',
  properties: {
    donKhieuNai: { type: 'string', format: FILE_FORMAT },
    tepDinhKem: { type: 'array', items: { type: 'string', format: FILE_FORMAT } },
    ghiChu: { type: 'string' },
    bienBan: { type: 'object', properties: { 'ban/chinh': { type: 'string', format: FILE_FORMAT } } },
    phuLuc: { anyOf: [{ type: 'string', format: FILE_FORMAT }, { type: 'null' }] },
  },
};

describe('file references in payload schemas', () => {
  it('finds every file id the schema declares, with the pointer of its field, and nothing else', () => {
    const refs = fileReferences(schema, { donKhieuNai: ID1, tepDinhKem: [ID2, ID1], ghiChu: ID2, bienBan: { 'ban/chinh': ID2 }, phuLuc: null });
    expect(refs).toEqual([
      { field: '/donKhieuNai', id: ID1 },
      { field: '/tepDinhKem/0', id: ID2 },
      { field: '/tepDinhKem/1', id: ID1 },
      { field: '/bienBan/ban~1chinh', id: ID2 },
    ]);
    expect(fileReferences(schema, { phuLuc: ID1 })).toEqual([{ field: '/phuLuc', id: ID1 }]);
    expect(fileReferences(schema, undefined)).toEqual([]);
  });

  it('tells which schemas declare a file field at all', () => {
    expect(declaresFiles(schema)).toBe(true);
    expect(declaresFiles({ type: 'object', properties: { ghiChu: { type: 'string', format: 'date' } } })).toBe(false);
    expect(declaresFiles(undefined)).toBe(false);
  });

  it('lets Ajv check the format as a UUID (strict mode knows it)', () => {
    const validate = createAjv().compile(schema);
    expect(validate({ donKhieuNai: ID1, tepDinhKem: [ID2] })).toBe(true);
    expect(validate({ tepDinhKem: ['tep://de-an/2026/015'] })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ keyword: 'format', instancePath: '/tepDinhKem/0' });
  });
});
