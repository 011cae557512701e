import { describe, expect, it } from '@jest/globals';
import { searchWords } from './instance-queries.service.js';

describe('searchWords: what a search matches by', () => {
  it('folds the query as the stored search text is folded: no diacritics, đ → d, lower case', () => {
    expect(searchWords('Nguyễn Văn Đức')).toEqual(['nguyen', 'van', 'duc']);
    expect(searchWords('ĐỨC')).toEqual(['duc']);
    expect(searchWords('  khiếu   nại\tđất ')).toEqual(['khieu', 'nai', 'dat']);
  });

  it('keeps business keys and punctuation as typed (lower case)', () => {
    expect(searchWords('KN-2026-001')).toEqual(['kn-2026-001']);
    expect(searchWords('50% a_b')).toEqual(['50%', 'a_b']);
  });

  it('drops repeated words and words another word of the query contains', () => {
    expect(searchWords('nguyen van a')).toEqual(['nguyen', 'van']);
    expect(searchWords('an an giang')).toEqual(['giang']);
    expect(searchWords('an phong')).toEqual(['an', 'phong']);
    expect(searchWords('duc Đức')).toEqual(['duc']);
    expect(searchWords('ha hai')).toEqual(['hai']);
    expect(searchWords('hai ha')).toEqual(['hai']);
  });

  it('no query, no words', () => {
    expect(searchWords(undefined)).toBeUndefined();
    expect(searchWords('   ')).toEqual([]);
  });
});
