import { expect, vi } from 'vitest';

const realSetTimeout = globalThis.setTimeout;

/** Timers and Date faked; setImmediate and I/O stay real, so the journal and whenIdle still run. */
export function useFakePollTime(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/**
 * Lets real I/O (the journal) run while fake time creeps on by `stepMs` a turn (lock retries wait
 * on timers), for at most `forMs` of fake time (by default 20 s: far less than a poll interval).
 * Says whether `condition` came true.
 */
export async function comesTrue(condition: () => boolean, { stepMs = 10, forMs = 20_000 } = {}): Promise<boolean> {
  for (let waited = 0; waited < forMs && !condition(); waited += stepMs) {
    await new Promise((resolve) => realSetTimeout(resolve, 2));
    await vi.advanceTimersByTimeAsync(stepMs);
  }
  return condition();
}

/** As comesTrue, and fails the test if it does not. */
export async function until(condition: () => boolean, options: { stepMs?: number; forMs?: number } = {}): Promise<void> {
  expect(await comesTrue(condition, options)).toBe(true);
}
