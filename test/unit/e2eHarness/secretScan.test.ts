import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeSecretTraces, findSecretTraces } from '../../e2e/harness/secretScan';

const SECRET = 'Scan-Passw0rd!';
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pgflex-secret-scan-'));
  mkdirSync(join(root, 'browser/Default/Sessions'), { recursive: true });
  mkdirSync(join(root, 'user/logs'), { recursive: true });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the secret scan of a run folder', () => {
  it('finds a secret as UTF-16LE and as UTF-8, in nested folders, and names the files', () => {
    writeFileSync(join(root, 'browser/Default/Sessions/Session_1'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`Value${SECRET}`, 'utf16le')]));
    writeFileSync(join(root, 'user/logs/exthost.log'), `{"adminPassword":"${SECRET}"}`);
    writeFileSync(join(root, 'user/settings.json'), '{"user":"pgadmin"}');
    const traces = findSecretTraces(root, ['other-secret', SECRET]);
    expect(traces).toEqual(expect.arrayContaining([
      { file: 'browser/Default/Sessions/Session_1', encoding: 'utf16le', secretIndex: 1 },
      { file: 'user/logs/exthost.log', encoding: 'utf8', secretIndex: 1 },
    ]));
    expect(traces).toHaveLength(2);
    expect(describeSecretTraces(traces)).not.toContain(SECRET);
  });

  it('finds nothing in a clean folder, or when nothing was typed', () => {
    writeFileSync(join(root, 'user/settings.json'), `{"note":"${SECRET.slice(0, -1)}"}`);
    expect(findSecretTraces(root, [SECRET])).toEqual([]);
    writeFileSync(join(root, 'user/settings.json'), SECRET);
    expect(findSecretTraces(root, [])).toEqual([]);
  });
});
