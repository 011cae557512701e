import { BUILTIN_ROLES } from '#libs/engine';
import { ADMIN, AUDITOR } from '#libs/core';

/**
 * Roles the engine keeps for itself: `system` fires timers and finishes children, and the event
 * path trusts whoever holds it. `admin` and `auditor` are built in too, but they are people's roles.
 * Derived from the engine's list, so a role the engine adds for itself is reserved at once.
 */
export const RESERVED_ROLES: ReadonlySet<string> = new Set(BUILTIN_ROLES.filter((r) => r !== ADMIN && r !== AUDITOR));

export const USERNAME = /^[a-z][a-z0-9._-]{1,63}$/;

/** Usernames a person may not take: the engine's own actor id (`system`, in history and audit rows) and its roles. */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set(['system', ...RESERVED_ROLES]);

/** Why a role cannot be granted to a person, or undefined when it can. */
export function roleProblem(role: string): string | undefined {
  if (!/^[a-z][a-z0-9_-]{0,63}$/.test(role)) return 'must be a role name';
  if (RESERVED_ROLES.has(role)) return `is reserved for the engine ("${role}") and cannot be granted to a person`;
  return undefined;
}

/** Why a username cannot be given to a new user, or undefined when it can. */
export function usernameProblem(username: string): string | undefined {
  if (!USERNAME.test(username)) return 'must be 2–64 lowercase letters, digits, dot, dash or underscore, starting with a letter';
  if (RESERVED_USERNAMES.has(username)) return `is reserved for the engine ("${username}")`;
  return undefined;
}
