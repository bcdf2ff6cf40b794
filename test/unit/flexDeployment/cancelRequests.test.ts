import { mkdirSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelRequests } from '../../../src/services/flexDeployment/cancelRequests';
import { tempDir } from '../../support/trackerFakes';

/** Cancel requests between windows: files in the storage folder every window (and every version of the extension) shares. */

let dir: ReturnType<typeof tempDir>;
let logs: string[];
beforeEach(() => {
  dir = tempDir();
  logs = [];
});
afterEach(() => dir.remove());

const requests = () => new CancelRequests(dir.path, (message) => logs.push(message));
const requestsFolder = () => join(dir.path, 'cancelRequests');

describe('CancelRequests', () => {
  it('none asked before any window asked: not even the folder exists yet', async () => {
    expect(await requests().asked()).toEqual([]);
  });

  it('keeps each request as one file in the shared cancelRequests folder, asked twice or not', async () => {
    await requests().ask('stg-1');
    await requests().ask('stg-1');
    await requests().ask('stg-2');
    expect(readdirSync(requestsFolder()).sort()).toEqual(['cancel-stg-1', 'cancel-stg-2']);
    expect((await requests().asked()).sort()).toEqual(['stg-1', 'stg-2']);
  });

  it('an answered request is gone for every window; answering it again (another window did) is harmless', async () => {
    await requests().ask('stg-1');
    await requests().ask('stg-2');
    await requests().answered('stg-1');
    await requests().answered('stg-1');
    expect(await requests().asked()).toEqual(['stg-2']);
    expect(readdirSync(requestsFolder())).toEqual(['cancel-stg-2']);
  });

  it('a request torn by a crash before its rename, or a foreign file, is not read as a request', async () => {
    mkdirSync(requestsFolder());
    writeFileSync(join(requestsFolder(), '.5f0c3b52-torn.tmp'), '');
    writeFileSync(join(requestsFolder(), 'notes.txt'), 'hello');
    expect(await requests().asked()).toEqual([]);
  });

  it('an id that looks like a path names a request inside the folder, and reads back as itself', async () => {
    await requests().ask('../escape/me');
    expect(readdirSync(dir.path)).toEqual(['cancelRequests']);
    expect(await requests().asked()).toEqual(['../escape/me']);
  });

  it('hears a request asked after the folder already existed', async () => {
    await requests().ask('stg-1');
    let heard = 0;
    const watching = await requests().watch(() => heard++);
    try {
      await requests().ask('stg-2');
      await expect.poll(() => heard).toBeGreaterThan(0);
    } finally {
      watching.dispose();
    }
    expect(logs).toEqual([]);
  });

  it('does not call for a file that is no request, nor once disposed', async () => {
    mkdirSync(requestsFolder());
    let heard = 0;
    const watching = await requests().watch(() => heard++);
    // A second watcher on the folder tells when the file's event has been delivered.
    const seen: string[] = [];
    const witness = watch(requestsFolder(), (_event, name) => seen.push(String(name)));
    try {
      writeFileSync(join(requestsFolder(), 'notes.txt'), 'hello');
      await expect.poll(() => seen).toContain('notes.txt');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard).toBe(0);

      watching.dispose();
      await requests().ask('stg-1');
      await expect.poll(() => seen).toContain('cancel-stg-1');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard).toBe(0);
    } finally {
      witness.close();
      watching.dispose();
    }
  });

  it('says why it cannot watch, and leaves the requests to the poll cycle', async () => {
    writeFileSync(requestsFolder(), 'a file where the folder should be');
    const watching = await requests().watch(() => undefined);
    watching.dispose();
    expect(logs).toEqual([expect.stringMatching(/^Not watching for other windows' cancel requests \(Error: EEXIST.*\); they are answered at each poll cycle instead\.$/)]);
  });
});
