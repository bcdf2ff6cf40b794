import type { RunEnvironment } from './deployments/deploymentRun';
import type { PostgresBackend } from './postgres/postgresBackend';
import type { SandboxState } from './state';

/** What every route family shares. */
export interface SandboxContext {
  state: SandboxState;
  env: RunEnvironment;
  postgres: PostgresBackend;
  now(): number;
  /** Brings every deployment up to date with the clock; called before each ARM read or write. */
  advanceAll(): void;
}
