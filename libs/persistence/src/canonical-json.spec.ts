import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from './canonical-json.js';
import { GENESIS_HASH, historyHash } from './history-chain.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'Hải Phòng' }, u: undefined })).toBe(
      '{"a":{"c":"Hải Phòng","d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text for equal values built in another key order', () => {
    expect(canonicalJson({ x: 1, y: [null, true] })).toBe(canonicalJson({ y: [null, true], x: 1 }));
  });
});

describe('historyHash', () => {
  const row = {
    instanceId: '00000000-0000-0000-0000-000000000001',
    seq: 1,
    eventType: 'SUBMIT',
    payload: { lyDo: 'Khiếu nại' },
    actor: { id: 'anonymous', roles: [], units: [] },
    fromState: null,
    toState: 'draft',
    at: '2026-01-05T01:00:00.000Z',
    requestId: null,
    idempotencyKey: null,
    comment: null,
  };

  it('changes when any covered field or the previous hash changes', () => {
    const base = historyHash(GENESIS_HASH, row);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(historyHash(GENESIS_HASH, { ...row, seq: 2 })).not.toBe(base);
    expect(historyHash(GENESIS_HASH, { ...row, payload: { lyDo: 'Khieu nai' } })).not.toBe(base);
    expect(historyHash('1'.repeat(64), row)).not.toBe(base);
    expect(historyHash(GENESIS_HASH, { ...row })).toBe(base);
  });
});
