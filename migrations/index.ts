import { EngineCore1764115200000 } from './1764115200000-engine-core.js';

/** Every migration, oldest first. Listed explicitly: ESM builds have no reliable glob loading. */
export const migrations = [EngineCore1764115200000];
