import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCrossWindowLock } from '../../../src/storage/crossWindowLock';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function storageDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pgflex-lock-'));
  dirs.push(dir);
  return join(dir, 'globalStorage', 'pgflex.pgflex');
}

describe('createCrossWindowLock', () => {
  it('lets one window at a time in, whichever window asks', async () => {
    const dir = storageDir();
    // Two windows: two locks on the same file, as two extension hosts would make.
    const windows = [createCrossWindowLock(dir, 'pgsql.connections', () => {}), createCrossWindowLock(dir, 'pgsql.connections', () => {})];
    let inside = 0;
    let most = 0;
    const work = async () => {
      most = Math.max(most, ++inside);
      await new Promise((r) => setTimeout(r, 5));
      inside--;
    };
    await Promise.all(Array.from({ length: 8 }, (_, i) => windows[i % 2].run(work)));
    expect(most).toBe(1);
  });

  it('lets the next one in after work that failed, and passes the failure on', async () => {
    const lock = createCrossWindowLock(storageDir(), 'pgsql.connections', () => {});
    await expect(lock.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.run(async () => 'next')).resolves.toBe('next');
  });
});
