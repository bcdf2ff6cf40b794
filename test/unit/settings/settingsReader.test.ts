import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTENSION_SETTINGS, type SettingDeclaration } from '../../../src/settings/extensionSettings';
import { readSetting, SettingsReader } from '../../../src/settings/settingsReader';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { type: string; default: unknown; minimum?: number; maximum?: number; enum?: string[] }> } };
};

function readerOver(values: Record<string, unknown>) {
  const warnings: { settingId: string; message: string }[] = [];
  const reader = new SettingsReader((id) => values[id], (settingId, message) => void warnings.push({ settingId, message }));
  return { reader, warnings, values };
}

const POLL = EXTENSION_SETTINGS.pollIntervalSeconds.id;
const RETENTION = EXTENSION_SETTINGS.deploymentRetentionDays.id;

describe('settings', () => {
  it('declares every setting as package.json contributes it (id, type, default, bounds)', () => {
    const contributed = manifest.contributes.configuration.properties;
    for (const declaration of Object.values(EXTENSION_SETTINGS) as SettingDeclaration[]) {
      const entry = contributed[declaration.id];
      expect(entry, declaration.id).toBeDefined();
      expect(entry.type).toBe(declaration.kind);
      expect(entry.default).toBe(declaration.default);
      if (declaration.kind === 'integer') {
        expect([entry.minimum, entry.maximum]).toEqual([declaration.minimum, declaration.maximum]);
      } else {
        expect(entry.enum).toEqual(declaration.values);
      }
    }
  });

  it('reads a value the setting does not allow as its default, with a warning that lists the allowed ones', () => {
    const id = EXTENSION_SETTINGS.azureAccount.id;
    const { reader, warnings } = readerOver({ [id]: 'azure-cli' });
    expect(reader.get('azureAccount')).toBe('vscode');
    expect(warnings).toEqual([{ settingId: id, message: `The setting '${id}' is "azure-cli", but it is not one of "vscode", "azureCli": using "vscode" instead.` }]);
    expect(readerOver({ [id]: 'azureCli' }).reader.get('azureAccount')).toBe('azureCli');
  });

  it('reads a value of the wrong type as the default, with one warning naming the setting', () => {
    const { reader, warnings } = readerOver({ [POLL]: 'abc', [RETENTION]: 'abc' });
    for (let i = 0; i < 3; i++) {
      expect(reader.get('pollIntervalSeconds')).toBe(15);
      expect(reader.get('deploymentRetentionDays')).toBe(30);
    }
    expect(warnings.map((w) => w.settingId)).toEqual([POLL, RETENTION]);
    expect(warnings[0].message).toContain(`'${POLL}'`);
    expect(warnings[0].message).toContain('"abc"');
    expect(warnings[0].message).toContain('15');
  });

  it('reads an out-of-range value as the nearest bound, and warns again only for a new bad value', () => {
    const { reader, warnings, values } = readerOver({ [POLL]: 1 });
    expect(reader.get('pollIntervalSeconds')).toBe(5);
    expect(reader.get('pollIntervalSeconds')).toBe(5);
    values[POLL] = 100_000;
    expect(reader.get('pollIntervalSeconds')).toBe(3600);
    values[POLL] = 20;
    expect(reader.get('pollIntervalSeconds')).toBe(20);
    expect(warnings).toHaveLength(2);
  });

  it('a missing value is the default, silently', () => {
    const { reader, warnings } = readerOver({});
    expect(reader.get('pollIntervalSeconds')).toBe(15);
    expect(reader.get('sandboxEndpoint')).toBe('');
    expect(warnings).toEqual([]);
  });

  it('whatever settings.json holds, an integer setting reads as a whole number within its bounds', () => {
    const anyJson = fc.jsonValue();
    for (const declaration of Object.values(EXTENSION_SETTINGS) as SettingDeclaration[]) {
      fc.assert(
        fc.property(fc.oneof(anyJson, fc.double(), fc.integer()), (raw) => {
          const { value, problem } = readSetting(declaration, raw);
          if (declaration.kind === 'integer') {
            expect(Number.isInteger(value)).toBe(true);
            expect(value as number).toBeGreaterThanOrEqual(declaration.minimum);
            expect(value as number).toBeLessThanOrEqual(declaration.maximum);
            // A value that was used as it is raised no problem; anything changed says why.
            expect(problem === undefined).toBe(value === raw || raw === undefined || raw === null);
          } else {
            expect(typeof value).toBe('string');
          }
        }),
        { numRuns: 300 },
      );
    }
  });
});
