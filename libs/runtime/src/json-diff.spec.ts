import { describe, expect, it } from '@jest/globals';
import { jsonDiff } from './json-diff.js';

describe('jsonDiff', () => {
  it('names added, removed and changed values by JSON pointer', () => {
    const a = { title: { vi: 'Khiếu nại', en: 'Complaint' }, states: { a: { on: { X: 'b' } }, 'x/y': 1 }, list: [1, 2] };
    const b = { title: { vi: 'Khiếu nại lần đầu', en: 'Complaint' }, states: { a: { on: { X: 'c', Y: 'a' } } }, list: [1, 2, 3] };
    expect(jsonDiff(a, b)).toEqual([
      { path: '/list/2', kind: 'added', to: 3 },
      { path: '/states/a/on/X', kind: 'changed', from: 'b', to: 'c' },
      { path: '/states/a/on/Y', kind: 'added', to: 'a' },
      { path: '/states/x~1y', kind: 'removed', from: 1 },
      { path: '/title/vi', kind: 'changed', from: 'Khiếu nại', to: 'Khiếu nại lần đầu' },
    ]);
    expect(jsonDiff(a, structuredClone(a))).toEqual([]);
  });
});
