/**
 * Types of scripts/topology.mjs (plain JavaScript, so that it runs with `node` alone) and a loader
 * that imports it with them.
 */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface NodeProcess {
  readonly name: string;
  readonly role: 'api' | 'worker';
  /** http://127.0.0.1:PORT (apis only). */
  readonly url?: string;
  readonly port?: number;
  readonly pid?: number;
  readonly running: boolean;
  readonly logFile: string;
  readonly runs: number;
  /** Settings added for the current run only (a failpoint, a clock offset). */
  readonly extraEnv: Record<string, string>;
  exited: Promise<Exit>;
  output(): string;
  start(options?: { env?: Record<string, string>; wait?: boolean; timeoutMs?: number }): Promise<NodeProcess>;
  ready(timeoutMs?: number): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<Exit>;
  stop(timeoutMs?: number): Promise<Exit>;
  restart(options?: { env?: Record<string, string>; signal?: NodeJS.Signals; downMs?: number; wait?: boolean }): Promise<NodeProcess>;
}

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly pid?: number;
  readonly running: boolean;
  start(): Promise<RedisServer>;
  stop(signal?: NodeJS.Signals): Promise<Exit>;
  restart(options?: { signal?: NodeJS.Signals; downMs?: number }): Promise<RedisServer>;
}

export interface PostgresServer {
  readonly url: string;
  readonly port: number;
  readonly running: boolean;
  start(): Promise<PostgresServer>;
  stop(): Promise<void>;
  restart(options?: { downMs?: number }): Promise<PostgresServer>;
}

export interface Topology {
  readonly dir: string;
  readonly logDir: string;
  readonly pg?: PostgresServer;
  readonly redis?: RedisServer;
  readonly apis: NodeProcess[];
  readonly workers: NodeProcess[];
  readonly databaseUrl: string;
  readonly queuePrefix: string;
  readonly apiUrls: string[];
  describe(): string[];
  createAdmin(options?: { username?: string; password?: string }): Promise<{ username: string; password: string }>;
  stop(options?: { keepDir?: boolean }): Promise<void>;
}

export interface TopologyOptions {
  api?: number;
  workers?: number;
  databaseUrl?: string;
  redis?: boolean;
  workflowsDir?: string;
  apiEnv?: Record<string, string>;
  workerEnv?: Record<string, string>;
  dir?: string;
  log?: (message: string) => void;
  echo?: boolean;
}

export interface TopologyModule {
  startTopology(options?: TopologyOptions): Promise<Topology>;
  freePort(): Promise<number>;
  ROOT: string;
}

// A variable, not a literal: TypeScript does not try to type the .mjs (the interfaces above do).
const specifier = '../../../scripts/topology.mjs';

export async function loadTopology(): Promise<TopologyModule> {
  return (await import(specifier)) as TopologyModule;
}
