import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/** Runs work while no other holder of the lock runs any. */
export interface CrossWindowLock {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** One at a time within this window only: for state no other window writes. */
export function createWindowLock(): CrossWindowLock {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const run = queue.then(work, work);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/**
 * One at a time across every window of this VS Code: a lock file in `globalStorageUri`, which all
 * their extension hosts share. `resource` names what it guards (the lock is `<resource>.lock`).
 * Stale after 10 s, so a window that died holding it blocks the others no longer than that.
 * proper-lockfile is not re-entrant: this window's work queues before it takes the file.
 */
export function createCrossWindowLock(directory: string, resource: string, log: (message: string) => void): CrossWindowLock {
  const target = join(directory, resource);
  const inWindow = createWindowLock();
  return {
    run: (work) =>
      inWindow.run(async () => {
        await mkdir(directory, { recursive: true });
        const release = await lockfile.lock(target, {
          realpath: false,
          stale: 10_000,
          retries: { retries: 100, minTimeout: 5, maxTimeout: 100 },
          onCompromised: (error) => log(`The lock on ${resource} was compromised: ${error.message}`),
        });
        try {
          return await work();
        } finally {
          await release();
        }
      }),
  };
}
