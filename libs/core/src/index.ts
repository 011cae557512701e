/**
 * The small shared core every capability builds on: typed domain errors (mapped to HTTP once, at the
 * edge), who is calling (the principal), and the audit trail of actions that are not transitions.
 */
export { DomainError, ErrorCode, type FieldProblem } from './errors.js';
export { ADMIN, AUDITOR, actorOf, holdsRoleIn, isAdmin, isAuditor, seesEverything, type Principal } from './principal.js';
export { AuditTrail, type AuditActor } from './audit-trail.js';
export { CoreModule } from './core.module.js';
