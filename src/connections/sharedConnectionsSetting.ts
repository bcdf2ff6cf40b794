import * as l10n from '../../machines/l10n';
import { isDeepStrictEqual } from 'node:util';
import type { CrossWindowLock } from '../storage/crossWindowLock';
import type { ProfileSettings } from './ports';

/** What a change makes of the entries, and how to tell it is in entries read back. */
export interface EntriesEdit<T> {
  next: unknown[];
  result: T;
  isIn: (entries: readonly unknown[]) => boolean;
}

/** The setting cannot be changed safely; nothing was lost, and the message says what to fix. */
export class ConnectionsSettingError extends Error {}

/** A change that another writer keeps overtaking fails after this many writes, rather than spin. */
const WRITE_ATTEMPTS = 3;

/**
 * `pgsql.connections` as every window shares it. VS Code writes a setting whole, and another
 * window's writes may never reach this window's view, so a change is made to the settings file as
 * it is now, under a lock all windows take, and is read back from the file before it counts.
 * Where there is no settings file to read (see userSettingsFile.ts), this window's view is used.
 */
export class SharedConnectionsSetting {
  /** Set once a write of ours reached this window's view but not the file. */
  private fileIsElsewhere = false;

  constructor(
    private readonly settings: ProfileSettings,
    private readonly lock: CrossWindowLock,
    private readonly log: (message: string) => void,
  ) {}

  /** The entries as they are now, not as this window last saw them. */
  async current(): Promise<unknown[]> {
    return entriesOf((await this.readNow()).value);
  }

  /** Applies an edit to the entries as they are now; resolves once the edit is really there. */
  change<T>(edit: (entries: readonly unknown[]) => EntriesEdit<T>): Promise<{ result: T; entries: unknown[] }> {
    return this.lock.run(async () => {
      for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
        const before = await this.readNow();
        const { next, result, isIn } = edit(entriesOf(before.value));
        await this.settings.write(next);
        const after = await this.readNow();
        const entries = entriesOf(after.value);
        if (isIn(entries)) return { result, entries };
        const seen = entriesOf(this.settings.read());
        // Stryker disable next-line ConditionalExpression: without the file read first, the verdict differs only when the file appears during the write, and the next attempt, reading it, reaches it one write later
        if (before.source === 'file' && isDeepStrictEqual(before.value, after.value) && isIn(seen)) {
          this.fileIsElsewhere = true;
          this.log('Writing pgsql.connections did not change the user settings file found next to the extension storage; using this window\'s view of the setting from now on.');
          return { result, entries: seen };
        }
        this.log(`pgsql.connections was changed by someone else while this window wrote it (attempt ${attempt} of ${WRITE_ATTEMPTS}).`);
      }
      throw new ConnectionsSettingError(l10n.t("pgsql.connections kept changing under this window's writes ({0} attempts); the connection profiles were not changed. Try again.", WRITE_ATTEMPTS));
    });
  }

  private async readNow(): Promise<{ source: 'file' | 'window'; value: unknown }> {
    if (!this.fileIsElsewhere) {
      const reading = await this.settings.readFile();
      if (reading.kind === 'read') return { source: 'file', value: reading.value };
      if (reading.kind === 'unreadable') {
        throw new ConnectionsSettingError(l10n.t('The user settings cannot be read, so no connection profile was changed: {0}. Fix settings.json and try again.', reading.reason));
      }
    }
    return { source: 'window', value: this.settings.read() };
  }
}

function entriesOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return [...(value as unknown[])];
  throw new ConnectionsSettingError(l10n.t('The pgsql.connections user setting is not a list, so no connection profile was changed. Fix it in settings.json and try again.'));
}
