import { describe, expect, it } from '@jest/globals';
import { parseGroupMap } from '#libs/config';
import { matchValue, membershipsFromGroups, sameMemberships } from './account-matching.js';
import { SsoRefusal } from './sso-refusal.js';

const refusalCode = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof SsoRefusal ? error.code : 'not a refusal';
  }
  return 'none';
};

describe('matchValue', () => {
  it('reads the configured claim', () => {
    expect(matchValue({ preferred_username: ' can-bo ' }, { matchClaim: 'preferred_username' })).toBe('can-bo');
    expect(matchValue({ email: 'a@b.vn', email_verified: true }, { matchClaim: 'email' })).toBe('a@b.vn');
  });

  it('refuses a missing claim and an e-mail the provider has not verified', () => {
    expect(refusalCode(() => matchValue({}, { matchClaim: 'preferred_username' }))).toBe('claim_missing');
    expect(refusalCode(() => matchValue({ preferred_username: 42 }, { matchClaim: 'preferred_username' }))).toBe('claim_missing');
    expect(refusalCode(() => matchValue({ email: 'a@b.vn' }, { matchClaim: 'email' }))).toBe('email_unverified');
    expect(refusalCode(() => matchValue({ email: 'a@b.vn', email_verified: 'true' }, { matchClaim: 'email' }))).toBe('email_unverified');
  });
});

describe('membershipsFromGroups', () => {
  const map = parseGroupMap('/tiep-dan=can-bo-tiep-dan@bo-phan-tiep-cong-dan,/tiep-dan=chuyen-vien@ubnd,/lanh-dao=chuyen-vien@ubnd');

  it('gives each mapped group’s memberships once, sorted, and nothing for other groups', () => {
    expect(membershipsFromGroups({ groups: ['/lanh-dao', '/tiep-dan', '/khac'] }, 'groups', map)).toEqual([
      { role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' },
      { role: 'chuyen-vien', unit: 'ubnd' },
    ]);
    expect(membershipsFromGroups({ groups: [] }, 'groups', map)).toEqual([]);
  });

  it('leaves memberships alone when the claim is absent or not a list of names', () => {
    expect(membershipsFromGroups({}, 'groups', map)).toBeUndefined();
    expect(membershipsFromGroups({ groups: '/tiep-dan' }, 'groups', map)).toBeUndefined();
    expect(membershipsFromGroups({ groups: [1] }, 'groups', map)).toBeUndefined();
  });

  it('compares memberships regardless of order', () => {
    expect(sameMemberships([{ role: 'a', unit: 'x' }, { role: 'b', unit: 'y' }], [{ role: 'b', unit: 'y' }, { role: 'a', unit: 'x' }])).toBe(true);
    expect(sameMemberships([{ role: 'a', unit: 'x' }], [])).toBe(false);
  });
});
