import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#libs/core';
import { parseJsonBody } from './body-parsers.js';

const refusal = (text: string) => {
  try {
    parseJsonBody(text);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`${text} was taken`);
};

describe('parseJsonBody', () => {
  it('takes objects and arrays, with Vietnamese text as sent', () => {
    expect(parseJsonBody(' {"type":"TIEP_NHAN","payload":{"ghiChu":"Đơn khiếu nại lần đầu"}}')).toEqual({ type: 'TIEP_NHAN', payload: { ghiChu: 'Đơn khiếu nại lần đầu' } });
    expect(parseJsonBody('[1,2]')).toEqual([1, 2]);
  });

  it('reads an empty body as an empty object', () => {
    expect(parseJsonBody('')).toEqual({});
    expect(parseJsonBody(' \n ')).toEqual({});
  });

  it('refuses a bare value and malformed JSON, naming the body', () => {
    for (const text of ['"chuỗi"', '42', 'null', 'true', '{', '{"a":}', '[1,]']) {
      const error = refusal(text);
      expect(error).toBeInstanceOf(DomainError);
      expect(error.message).toMatch(/^The request body is not valid JSON: /);
      expect(error.details).toEqual({ problems: [{ field: 'body', reason: 'malformed JSON' }] });
    }
  });

  it('keeps a key named __proto__ an ordinary property, never a prototype', () => {
    const body = parseJsonBody('{"__proto__":{"admin":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect((body as { admin?: unknown }).admin).toBeUndefined();
    expect(Object.keys(body)).toEqual(['__proto__']);
  });
});
