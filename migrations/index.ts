import { EngineCore1764115200000 } from './1764115200000-engine-core.js';
import { Deadlines1764201600000 } from './1764201600000-deadlines.js';
import { Approvers1764288000000 } from './1764288000000-approvers.js';

/** Every migration, oldest first. Listed explicitly: ESM builds have no reliable glob loading. */
export const migrations = [EngineCore1764115200000, Deadlines1764201600000, Approvers1764288000000];
