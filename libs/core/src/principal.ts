import type { Actor } from '#libs/engine';
import type { Membership } from '#libs/persistence';

/** Built-in roles. Every other role is a workflow role named in definitions. */
export const ADMIN = 'admin';
export const AUDITOR = 'auditor';

/** Who is calling, as the server established it (sign-in or API token), never from the request body. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  memberships: Membership[];
}

/** Whether one of these memberships holds one of `roles` in one of `units` (any unit when none is named): a task's candidates, an event's senders. */
export function holdsRoleIn(memberships: readonly Membership[], roles: readonly string[], units: readonly string[]): boolean {
  return memberships.some((m) => roles.includes(m.role) && (units.length === 0 || units.includes(m.unit)));
}

export const isAdmin = (p: Principal) => p.memberships.some((m) => m.role === ADMIN);
export const isAuditor = (p: Principal) => p.memberships.some((m) => m.role === AUDITOR);
/** Admins and auditors see every instance and task; others see what concerns them. */
export const seesEverything = (p: Principal) => isAdmin(p) || isAuditor(p);

/** The engine's view of a principal: its roles and units, flat. */
export function actorOf(p: Principal): Actor {
  return {
    id: p.username,
    roles: [...new Set(p.memberships.map((m) => m.role))].sort(),
    units: [...new Set(p.memberships.map((m) => m.unit))].sort(),
  };
}
