import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LEASE_STALE_MS, LockFileLeases } from '../../../src/services/flexDeployment/deploymentLeases';
import { tempDir } from '../../support/trackerFakes';

/** Two windows' leases over one storage folder: one holder per deployment at a time. */

let dir: ReturnType<typeof tempDir>;
let first: LockFileLeases;
let second: LockFileLeases;
beforeEach(() => {
  dir = tempDir();
  first = new LockFileLeases(join(dir.path, 'leases'));
  second = new LockFileLeases(join(dir.path, 'leases'));
});
afterEach(async () => {
  vi.useRealTimers();
  await first.releaseAll();
  await second.releaseAll();
  dir.remove();
});

describe('LockFileLeases', () => {
  it('lets one window hold a deployment until it releases it, then the other', async () => {
    expect(await first.tryAcquire('d1')).toBe(true);
    expect(await second.tryAcquire('d1')).toBe(false);
    expect(await second.tryAcquire('d2')).toBe(true);
    await first.release('d1');
    expect(first.holds('d1')).toBe(false);
    expect(await second.tryAcquire('d1')).toBe(true);
  });

  it('releases every lease it holds at once', async () => {
    await first.tryAcquire('d1');
    await first.tryAcquire('d2');
    await first.releaseAll();
    expect([await second.tryAcquire('d1'), await second.tryAcquire('d2')]).toEqual([true, true]);
  });

  it('throws when the lease cannot be taken for another reason than another holder', async () => {
    await expect(first.tryAcquire('no-such-folder/d1')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('tells its listeners when a held lease is lost, and holds it no more', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const lost: string[] = [];
    first.onLost((id) => lost.push(id));
    await first.tryAcquire('d1');
    rmSync(join(dir.path, 'leases', 'd1.lease.lock'), { recursive: true });
    await vi.waitFor(() => {
      vi.advanceTimersByTime(LEASE_STALE_MS);
      expect(lost).toEqual(['d1']);
    });
    expect(first.holds('d1')).toBe(false);
  });
});
