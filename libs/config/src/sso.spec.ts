import { describe, expect, it } from '@jest/globals';
import { EnvironmentError, loadEnvironment } from './env.js';
import { parseGroupMap, ssoSettings } from './sso.js';

const OIDC = { OIDC_ISSUER: 'https://sso.haiphong.gov.vn/realms/phuong', OIDC_CLIENT_ID: 'phoihop', OIDC_CLIENT_SECRET: 'bi-mat-cua-client-0123456789' };

describe('single sign-on settings', () => {
  it('are off by default, with passwords on', () => {
    expect(ssoSettings(loadEnvironment({}))).toEqual({ oidc: null, localPasswords: true });
  });

  it('derive the redirect URI from PUBLIC_URL and default to matching usernames, creating no one', () => {
    const sso = ssoSettings(loadEnvironment({ ...OIDC, PUBLIC_URL: 'https://phoihop.anphong.gov.vn/' }));
    expect(sso.oidc).toMatchObject({
      issuer: OIDC.OIDC_ISSUER,
      redirectUri: 'https://phoihop.anphong.gov.vn/api/v1/auth/oidc/callback',
      scopes: 'openid profile email',
      matchClaim: 'preferred_username',
      createUsers: false,
      groupsClaim: null,
      groupMap: null,
      displayName: null,
    });
  });

  it('need the client id and secret with the issuer, and name what is wrong without echoing the secret', () => {
    expect(() => loadEnvironment({ OIDC_ISSUER: OIDC.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID is required with OIDC_ISSUER[\s\S]*OIDC_CLIENT_SECRET is required/);
    expect(() => loadEnvironment({ ...OIDC, OIDC_MATCH_CLAIM: 'sub' })).toThrow(/OIDC_MATCH_CLAIM must be preferred_username or email/);
    expect(() => loadEnvironment({ ...OIDC, OIDC_CLIENT_SECRET: 'co dau cach' })).toThrow(EnvironmentError);
    expect(() => loadEnvironment({ ...OIDC, OIDC_CLIENT_SECRET: 'co dau cach' })).not.toThrow(/co dau cach/);
    expect(() => loadEnvironment({ LOCAL_PASSWORDS: 'maybe' })).toThrow(/LOCAL_PASSWORDS must be on or off/);
  });

  it('refuse switching passwords off with no provider, and a group map without its claim', () => {
    expect(() => ssoSettings(loadEnvironment({ LOCAL_PASSWORDS: 'off' }))).toThrow(/LOCAL_PASSWORDS=off needs OIDC_ISSUER/);
    expect(() => ssoSettings(loadEnvironment({ ...OIDC, OIDC_GROUP_MAP: 'a=b@c' }))).toThrow(/OIDC_GROUP_MAP needs OIDC_GROUPS_CLAIM/);
    expect(ssoSettings(loadEnvironment({ ...OIDC, LOCAL_PASSWORDS: 'off' })).localPasswords).toBe(false);
  });

  it('read the group map: a group may give several memberships, and Keycloak paths are group names', () => {
    const map = parseGroupMap('/phuong/tiep-dan=can-bo-tiep-dan@bo-phan-tiep-cong-dan,/phuong/tiep-dan=chuyen-vien@ubnd,lanh-dao=admin@phuong-an-phong');
    expect(map.get('/phuong/tiep-dan')).toEqual([
      { role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' },
      { role: 'chuyen-vien', unit: 'ubnd' },
    ]);
    expect(map.get('lanh-dao')).toEqual([{ role: 'admin', unit: 'phuong-an-phong' }]);
    expect(() => loadEnvironment({ ...OIDC, OIDC_GROUPS_CLAIM: 'groups', OIDC_GROUP_MAP: 'khong-co-don-vi=vai-tro' })).toThrow(/OIDC_GROUP_MAP must be group=role@unit/);
  });
});
