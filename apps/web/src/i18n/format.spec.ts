import { describe, expect, it } from '@jest/globals';
import { searchTerm } from '../components/SearchBox.tsx';
import { format } from './i18n.tsx';
import { en, vi } from './messages.ts';

describe('messages', () => {
  it('fill their values and pick the English plural by the number', () => {
    expect(format(en['form.errors'], { n: 1 })).toBe('The form has 1 problem. Fix the marked field.');
    expect(format(en['form.errors'], { n: 2 })).toBe('The form has 2 problems. Fix the marked fields.');
    expect(format(en['form.errors'], { n: 0 })).toBe('The form has 0 problems. Fix the marked fields.');
    expect(format(vi['form.errors'], { n: 1 })).toBe('Biểu mẫu còn 1 lỗi. Hãy sửa các ô được đánh dấu.');
    expect(format('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });

  it('leave no plural braces in any English message', () => {
    for (const [key, text] of Object.entries(en)) expect({ key, text: format(text, { n: 2, rows: 2, movable: 2, blocked: 2, moved: 2, rest: 2 }) }).not.toEqual({ key, text: expect.stringMatching(/\{\w+\|/) });
  });
});

describe('the search field', () => {
  it('sends two characters or more, nothing for an empty field, and waits while there is only one', () => {
    expect(searchTerm('  nguyen   van a ')).toBe('nguyen van a');
    expect(searchTerm('ab')).toBe('ab');
    expect(searchTerm('')).toBe('');
    expect(searchTerm('   ')).toBe('');
    expect(searchTerm('n')).toBeNull();
  });
});
