import { EngineCore1764115200000 } from './1764115200000-engine-core.js';
import { Deadlines1764201600000 } from './1764201600000-deadlines.js';
import { Approvers1764288000000 } from './1764288000000-approvers.js';
import { Audit1764374400000 } from './1764374400000-audit.js';
import { DefinitionLifecycle1764460800000 } from './1764460800000-definition-lifecycle.js';
import { Children1764547200000 } from './1764547200000-children.js';
import { TokenHygiene1764633600000 } from './1764633600000-token-hygiene.js';
import { Notifications1764720000000 } from './1764720000000-notifications.js';
import { LiveStream1764806400000 } from './1764806400000-live-stream.js';
import { Email1764892800000 } from './1764892800000-email.js';
import { Webhooks1764979200000 } from './1764979200000-webhooks.js';
import { Files1765065600000 } from './1765065600000-files.js';
import { Documents1765152000000 } from './1765152000000-documents.js';
import { Search1765238400000 } from './1765238400000-search.js';
import { SearchAccess1765324800000 } from './1765324800000-search-access.js';
import { LedgerCheckpoints1765411200000 } from './1765411200000-ledger-checkpoints.js';
import { Sessions1765497600000 } from './1765497600000-sessions.js';
import { RateLimits1765756800000 } from './1765756800000-rate-limits.js';
import { TaskIndexTrim1765843200000 } from './1765843200000-task-index-trim.js';
import { PrincipalChanges1765929600000 } from './1765929600000-principal-changes.js';

/** Every migration, oldest first. Listed explicitly: ESM builds have no reliable glob loading. */
export const migrations = [EngineCore1764115200000, Deadlines1764201600000, Approvers1764288000000, Audit1764374400000, DefinitionLifecycle1764460800000, Children1764547200000, TokenHygiene1764633600000, Notifications1764720000000, LiveStream1764806400000, Email1764892800000, Webhooks1764979200000, Files1765065600000, Documents1765152000000, Search1765238400000, SearchAccess1765324800000, LedgerCheckpoints1765411200000, Sessions1765497600000, RateLimits1765756800000, TaskIndexTrim1765843200000, PrincipalChanges1765929600000];
