import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * Exactly one window owns a deployment's polling and side effects. A lease is a lock file in the
 * shared `globalStorageUri`; its holder refreshes it, so when a window dies its leases go stale and
 * another window adopts the deployment on its next poll cycle.
 */
export interface DeploymentLeases {
  tryAcquire(stagingId: string): Promise<boolean>;
  release(stagingId: string): Promise<void>;
  releaseAll(): Promise<void>;
  holds(stagingId: string): boolean;
  /** Fires when a held lease was taken over (this window stalled past the stale time). */
  onLost(listener: (stagingId: string) => void): void;
}

/** Stale after 10 s: shorter than the 15 s poll interval, so adoption happens within one cycle. */
export const LEASE_STALE_MS = 10_000;

export class LockFileLeases implements DeploymentLeases {
  private readonly held = new Map<string, () => Promise<void>>();
  private readonly lostListeners: ((stagingId: string) => void)[] = [];

  constructor(private readonly dir: string) {}

  async tryAcquire(stagingId: string): Promise<boolean> {
    if (this.held.has(stagingId)) return true;
    await mkdir(this.dir, { recursive: true });
    try {
      const release = await lockfile.lock(join(this.dir, `${stagingId}.lease`), {
        realpath: false,
        stale: LEASE_STALE_MS,
        retries: 0,
        onCompromised: () => {
          this.held.delete(stagingId);
          for (const l of this.lostListeners) l(stagingId);
        },
      });
      this.held.set(stagingId, release);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return false;
      throw error;
    }
  }

  async release(stagingId: string): Promise<void> {
    const release = this.held.get(stagingId);
    if (!release) return;
    this.held.delete(stagingId);
    await release().catch(() => undefined);
  }

  async releaseAll(): Promise<void> {
    await Promise.all([...this.held.keys()].map((id) => this.release(id)));
  }

  holds(stagingId: string): boolean {
    return this.held.has(stagingId);
  }

  onLost(listener: (stagingId: string) => void): void {
    this.lostListeners.push(listener);
  }
}
