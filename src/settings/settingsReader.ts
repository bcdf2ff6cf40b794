import * as l10n from '../../machines/l10n';
import { EXTENSION_SETTINGS, type IntegerSetting, type SettingDeclaration, type SettingName, type SettingValue } from './extensionSettings';

/** Where raw values come from: `workspace.getConfiguration().get(id)` on VS Code, a map in tests. */
export type RawSettings = (id: string) => unknown;

/** Told once per setting and bad value: the message names the setting, the value used instead and why. */
export type SettingWarning = (settingId: string, message: string) => void;

export interface Reading<T> {
  value: T;
  /** Why the stored value was not used as it is; undefined when it was. */
  problem?: string;
}

/** The value to use for a raw value of a setting: the right type, in range, never NaN. */
export function readSetting(declaration: SettingDeclaration, raw: unknown): Reading<number | string> {
  if (raw === undefined || raw === null) return { value: declaration.default };
  if (declaration.kind === 'string') {
    if (typeof raw !== 'string') return { value: declaration.default, problem: l10n.t('it is not text') };
    const allowed = declaration.values;
    return !allowed || allowed.includes(raw) ? { value: raw } : { value: declaration.default, problem: l10n.t('it is not one of {0}', allowed.map((v) => JSON.stringify(v)).join(', ')) };
  }
  return readInteger(declaration, raw);
}

function readInteger(declaration: IntegerSetting, raw: unknown): Reading<number> {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return { value: declaration.default, problem: l10n.t('it is not a whole number of {0}', declaration.unit) };
  }
  const whole = Math.round(raw);
  const value = Math.min(declaration.maximum, Math.max(declaration.minimum, whole));
  if (value !== raw) {
    const problem = whole !== raw
      ? l10n.t('it must be a whole number of {0}', declaration.unit)
      : l10n.t('it must be between {0} and {1} {2}', declaration.minimum, declaration.maximum, declaration.unit);
    return { value, problem };
  }
  return { value };
}

/**
 * Reads settings live (a change in settings.json applies at the next read), each through its
 * declaration, and warns once per setting and distinct bad value, however often it is read.
 */
export class SettingsReader {
  private readonly warned = new Set<string>();

  constructor(
    private readonly raw: RawSettings,
    private readonly warn: SettingWarning,
  ) {}

  get<N extends SettingName>(name: N): SettingValue<N> {
    const declaration: SettingDeclaration = EXTENSION_SETTINGS[name];
    const raw = this.raw(declaration.id);
    const { value, problem } = readSetting(declaration, raw);
    if (problem) this.warnOnce(declaration, raw, value, problem);
    return value as SettingValue<N>;
  }

  private warnOnce(declaration: SettingDeclaration, raw: unknown, used: number | string, problem: string): void {
    const key = `${declaration.id}\u0000${describeValue(raw)}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warn(declaration.id, l10n.t("The setting '{0}' is {1}, but {2}: using {3} instead.", declaration.id, describeValue(raw), problem, JSON.stringify(used)));
  }
}

function describeValue(raw: unknown): string {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
