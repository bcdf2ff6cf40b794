import { expect, vi } from 'vitest';

const realSetTimeout = globalThis.setTimeout;

/** Timers and Date faked; setImmediate and I/O stay real, so the journal and whenIdle still run. */
export function useFakePollTime(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/** However slow the disk, fake time waits no longer than this for one turn's file I/O. */
const IO_PATIENCE_MS = 5_000;

/**
 * Lets real I/O (the journal) run while fake time creeps on by `stepMs` a turn (lock retries wait
 * on timers), for at most `forMs` of fake time (by default 20 s: far less than a poll interval).
 * Each turn first lets the file operations under way finish: on a busy machine a journal write
 * takes longer than any fixed pause, and fake time running ahead of it would fire timeouts that
 * real time never would. Says whether `condition` came true.
 */
export async function comesTrue(condition: () => boolean, { stepMs = 10, forMs = 20_000 } = {}): Promise<boolean> {
  for (let waited = 0; waited < forMs && !condition(); waited += stepMs) {
    await fileIoSettled();
    await vi.advanceTimersByTimeAsync(stepMs);
  }
  return condition();
}

/** As comesTrue, and fails the test if it does not. */
export async function until(condition: () => boolean, options: { stepMs?: number; forMs?: number } = {}): Promise<void> {
  expect(await comesTrue(condition, options)).toBe(true);
}

async function fileIoSettled(): Promise<void> {
  const since = performance.now();
  do await new Promise((resolve) => realSetTimeout(resolve, 2));
  while (fileIoPending() && performance.now() - since < IO_PATIENCE_MS);
}

// Node's names for a file operation or a close in flight (FSReqPromise, FSReqCallback, CloseReq).
function fileIoPending(): boolean {
  return process.getActiveResourcesInfo().some((resource) => resource.startsWith('FSReq') || resource === 'CloseReq');
}
