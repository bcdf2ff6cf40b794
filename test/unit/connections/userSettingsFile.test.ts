import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSettingFromFile, userSettingsPath } from '../../../src/connections/userSettingsFile';

describe('userSettingsPath', () => {
  it('finds User/settings.json from the default profile\'s extension storage', () => {
    expect(userSettingsPath('/home/ada/.config/Code/User/globalStorage/pgflex.pgflex')).toBe('/home/ada/.config/Code/User/settings.json');
  });

  it('finds the default profile\'s settings from a profile of its own (application-scoped settings live there)', () => {
    expect(userSettingsPath('/home/ada/.config/Code/User/profiles/-5b7e1f2/globalStorage/pgflex.pgflex')).toBe('/home/ada/.config/Code/User/settings.json');
  });

  it('finds nothing in a folder laid out otherwise', () => {
    expect(userSettingsPath('/tmp/somewhere/pgflex.pgflex')).toBeUndefined();
  });
});

describe('readSettingFromFile', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const settingsFile = (text?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'pgflex-settings-'));
    dirs.push(dir);
    const file = join(dir, 'settings.json');
    if (text !== undefined) writeFileSync(file, text);
    return file;
  };
  const noPauses: number[] = [];

  it('reads JSON with comments and trailing commas, as VS Code does', async () => {
    const file = settingsFile('{\n  // mine\n  "editor.fontSize": 14,\n  "pgsql.connections": [{ "id": "a" },],\n}\n');
    expect(await readSettingFromFile(file, 'pgsql.connections', noPauses)).toEqual({ kind: 'read', value: [{ id: 'a' }] });
  });

  it('reads an unset setting as undefined', async () => {
    expect(await readSettingFromFile(settingsFile('{ "editor.fontSize": 14 }'), 'pgsql.connections', noPauses)).toEqual({ kind: 'read', value: undefined });
  });

  it('says when there is no file', async () => {
    expect(await readSettingFromFile(settingsFile(), 'pgsql.connections', noPauses)).toMatchObject({ kind: 'notFound' });
  });

  it('says a broken file is unreadable, rather than empty', async () => {
    const reading = await readSettingFromFile(settingsFile('{ "pgsql.connections": [ { "id": "a" '), 'pgsql.connections', [1]);
    expect(reading).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/not valid JSON/) });
  });

  it('says a file of JSON that is not an object of settings is unreadable', async () => {
    for (const text of ['[1, 2]', 'null', '42', '"pgsql.connections"']) {
      const file = settingsFile(text);
      expect(await readSettingFromFile(file, 'pgsql.connections', noPauses)).toEqual({ kind: 'unreadable', reason: `${file} does not hold an object of settings` });
    }
  });

  it('reads again a file caught in the middle of a save', async () => {
    const file = settingsFile('');
    setTimeout(() => writeFileSync(file, '{ "pgsql.connections": [] }'), 20);
    expect(await readSettingFromFile(file, 'pgsql.connections', [100])).toEqual({ kind: 'read', value: [] });
  });

  it('reads again, by default, a file caught in the middle of a save', async () => {
    const file = settingsFile('');
    setTimeout(() => writeFileSync(file, '{ "pgsql.connections": [{ "id": "b" }] }'), 20);
    expect(await readSettingFromFile(file, 'pgsql.connections')).toEqual({ kind: 'read', value: [{ id: 'b' }] });
  });

  it('says a file that is there but cannot be read is unreadable, naming why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgflex-settings-'));
    dirs.push(dir);
    expect(await readSettingFromFile(dir, 'pgsql.connections', noPauses)).toEqual({ kind: 'unreadable', reason: `${dir} cannot be read (EISDIR)` });
  });

  it('reads a file that stays empty as no settings, as VS Code does', async () => {
    expect(await readSettingFromFile(settingsFile('  \n'), 'pgsql.connections', [1])).toEqual({ kind: 'read', value: undefined });
  });
});
