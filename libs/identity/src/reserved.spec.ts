import { describe, expect, it } from '@jest/globals';
import { BUILTIN_ROLES } from '#libs/engine';
import { principalOf } from './auth.service.js';
import { RESERVED_ROLES, roleProblem, usernameProblem } from './reserved.js';

describe('reserved names', () => {
  it('every role the engine keeps for itself is reserved, except the people’s admin and auditor', () => {
    expect([...RESERVED_ROLES]).toEqual(BUILTIN_ROLES.filter((r) => r !== 'admin' && r !== 'auditor'));
    expect(RESERVED_ROLES.has('system')).toBe(true);
    expect(roleProblem('system')).toMatch(/reserved/);
    for (const role of ['admin', 'auditor', 'chuyen-vien', 'truong_phong']) expect(roleProblem(role)).toBeUndefined();
    expect(roleProblem('Hệ thống')).toBe('must be a role name');
  });

  it('the engine’s actor id is not a username', () => {
    expect(usernameProblem('system')).toMatch(/reserved/);
    expect(usernameProblem('admin')).toBeUndefined();
    expect(usernameProblem('nguyen.van.a')).toBeUndefined();
    expect(usernameProblem('A')).toMatch(/lowercase/);
  });

  it('a person’s principal never carries a reserved role, whatever the rows say', () => {
    const p = principalOf({
      id: 'u1',
      username: 'cu',
      displayName: 'Cũ',
      email: null,
      passwordHash: null,
      active: true,
      createdAt: new Date(),
      credentialsVersion: 0,
      memberships: [
        { role: 'system', unit: 'phuong-an-phong' },
        { role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' },
      ],
    });
    expect(p.memberships).toEqual([{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }]);
  });
});
