import * as l10n from '../../machines/l10n';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { SettingsFileReading } from './ports';

/**
 * The user settings file that holds an application-scoped setting such as `pgsql.connections`,
 * found from the extension's `globalStorageUri` (a file path): VS Code keeps both under the user
 * data folder `User/`, as `User/globalStorage/<extension>` (or `User/profiles/<id>/globalStorage/
 * <extension>` in a profile of its own) and `User/settings.json`. Application-scoped settings are
 * written to the default profile's `User/settings.json` whatever profile is active. Undefined when
 * the folder does not look like that (then the window's view is all there is).
 */
export function userSettingsPath(globalStorageDir: string): string | undefined {
  const storageHome = dirname(globalStorageDir);
  if (basename(storageHome) !== 'globalStorage') return undefined;
  const owner = dirname(storageHome);
  const profiles = dirname(owner);
  const userDir = basename(profiles) === 'profiles' ? dirname(profiles) : owner;
  return join(userDir, 'settings.json');
}

/**
 * One setting as the file says now, read as VS Code reads it (JSON with comments and trailing
 * commas). VS Code writes the file in place, so a read while it (or a person) saves can see it
 * empty or cut short: such a read is tried again after each pause before it counts.
 */
export async function readSettingFromFile(file: string, key: string, pausesMs: readonly number[] = [50, 150, 400]): Promise<SettingsFileReading> {
  for (const pause of pausesMs) {
    const reading = await readOnce(file, key);
    if (reading.kind !== 'midSave') return reading;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  const reading = await readOnce(file, key);
  if (reading.kind !== 'midSave') return reading;
  // Still so after the pauses: an empty file is what VS Code reads as no settings.
  return reading.empty ? { kind: 'read', value: undefined } : { kind: 'unreadable', reason: reading.reason };
}

type Once = SettingsFileReading | { kind: 'midSave'; empty: true } | { kind: 'midSave'; empty: false; reason: string };

async function readOnce(file: string, key: string): Promise<Once> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { kind: 'notFound' } : { kind: 'unreadable', reason: l10n.t('{0} cannot be read ({1})', file, code ?? String(error)) };
  }
  if (!text.trim()) return { kind: 'midSave', empty: true };
  const errors: ParseError[] = [];
  const settings: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length) {
    return { kind: 'midSave', empty: false, reason: l10n.t('{0} is not valid JSON ({1} at offset {2})', file, printParseErrorCode(errors[0].error), errors[0].offset) };
  }
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    return { kind: 'unreadable', reason: l10n.t('{0} does not hold an object of settings', file) };
  }
  return { kind: 'read', value: (settings as Record<string, unknown>)[key] };
}
