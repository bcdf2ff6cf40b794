import { EventEmitter } from 'node:events';
import { watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ObservationBoard, type PostedObservation } from '../../../src/services/flexDeployment/observationBoard';
import { tempDir } from '../../support/trackerFakes';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, watch: vi.fn(actual.watch) };
});

let dir: ReturnType<typeof tempDir>;
let logs: string[];
let board: ObservationBoard;
beforeEach(() => {
  dir = tempDir();
  logs = [];
  board = new ObservationBoard(dir.path, (m) => void logs.push(m));
});
afterEach(() => dir.remove());

const AT = Date.UTC(2026, 10, 22, 12);

/** One of each answer ARM can give, as the poller posts them. */
const ANSWERS: [string, PostedObservation][] = [
  ['running', { observation: { kind: 'running', provisioningState: 'Running', durationMs: 75_000 }, at: AT }],
  ['succeeded', { observation: { kind: 'succeeded', serverResourceId: '/x/flexibleServers/pgflex-demo', outputs: { fqdn: 'pgflex-demo.postgres.database.azure.com' } }, at: AT }],
  ['failed', { observation: { kind: 'failed', error: { code: 'QuotaExceeded', message: 'Quota exceeded.', chain: [{ code: 'Inner', message: 'No cores.', target: 'sku' }] } }, at: AT }],
  ['canceled', { observation: { kind: 'canceled' }, at: AT }],
  ['notFound', { observation: { kind: 'notFound' }, at: AT }],
  ['unavailable', { observation: { kind: 'unavailable', reason: 'HTTP 429 TooManyRequests' }, at: AT }],
  ['signedOut', { observation: { kind: 'signedOut' }, at: AT }],
];

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("the shared board of ARM's answers", () => {
  it('reads back every kind of answer the poller posted, with its cycle', async () => {
    await board.post({ cycleId: 'cycle-1', observations: new Map(ANSWERS) });
    const read = await board.read();
    expect(read?.cycleId).toBe('cycle-1');
    expect([...(read?.observations ?? [])]).toEqual(ANSWERS);
  });

  it('a torn or foreign board file reads as no answers, and says so', async () => {
    writeFileSync(join(dir.path, 'armObservations.json'), '{"cycleId":"cycle-1","observations":{"a":{"observation":{"kind":"runn');
    expect(await board.read()).toBeUndefined();
    expect(logs).toEqual(['The shared ARM answers file could not be read; waiting for the next poll cycle.']);
  });

  it('calls back when the poller posts', async () => {
    let calls = 0;
    const watching = board.watch(() => calls++);
    await board.post({ cycleId: 'cycle-1', observations: new Map(ANSWERS) });
    await until(() => calls > 0);
    expect(calls).toBeGreaterThan(0);
    watching.dispose();
  });

  it('a folder it cannot watch is said, with why; the answers are then taken at each poll cycle', () => {
    const missing = new ObservationBoard(join(dir.path, 'gone'), (m) => void logs.push(m));
    const watching = missing.watch(() => undefined);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^Not watching the shared ARM answers \(Error: ENOENT.*\); they are applied at each poll cycle instead\.$/);
    expect(() => watching.dispose()).not.toThrow();
  });

  it('closes its watch when disposed, or when the watch fails (the folder went away), rather than crash the host', () => {
    for (const end of ['dispose', 'error'] as const) {
      const watcher = Object.assign(new EventEmitter(), { close: vi.fn() });
      vi.mocked(watch).mockReturnValueOnce(watcher as unknown as FSWatcher);
      const watching = board.watch(() => undefined);
      if (end === 'dispose') watching.dispose();
      else watcher.emit('error', new Error('EPERM: the folder was removed'));
      expect(watcher.close).toHaveBeenCalledTimes(1);
    }
  });
});
