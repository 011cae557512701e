import { describe, expect, it } from '@jest/globals';
import { acceptedRequestId } from './request-id.js';

const GENERATED = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('acceptedRequestId', () => {
  it('keeps a caller’s id of at most 128 letters, digits and ._:-', () => {
    for (const id of ['abc', 'yeu-cau:2026.01_A', 'x'.repeat(128), '0']) expect(acceptedRequestId(id)).toBe(id);
  });

  it('replaces a missing, long or unsafe one with a generated id', () => {
    const bad = [undefined, '', 'x'.repeat(129), 'a b', 'a,b', '<script>', 'tiếng-việt', 'line\nbreak', 'tab\there', '"quoted"', "a';--", 'a/b', 'a\u0000b'];
    for (const id of bad) expect(acceptedRequestId(id)).toMatch(GENERATED);
  });
});
