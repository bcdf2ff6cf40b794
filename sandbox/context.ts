import type { SandboxState } from './state';

/** What the ARM route families share. */
export interface SandboxContext {
  state: SandboxState;
  now(): number;
  /** Brings every deployment up to date with the clock; called before each ARM read or write. */
  advanceAll(): void;
}
