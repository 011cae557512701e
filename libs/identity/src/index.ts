export { type AuthOptions, AUTH_OPTIONS, principalOf, AuthService } from './auth.service.js';
export { IdentityModule } from './identity.module.js';
export { type UserView, toUserView, IdentityService, tokenHash } from './identity.service.js';
export { hashPassword, verifyPassword, passwordProblem } from './passwords.js';
export { RESERVED_ROLES, USERNAME, RESERVED_USERNAMES, roleProblem, usernameProblem } from './reserved.js';
export { type WardSeed, type DemoSeedResult, SeedService } from './seed.service.js';
