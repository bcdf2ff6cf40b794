import * as l10n from '../../machines/l10n';
/**
 * Every setting the extension reads, declared once: its id (as contributed in package.json), its
 * default and its bounds. settings.json is the user's to edit by hand, so nothing read from it is
 * trusted: settingsReader.ts turns any value into one of the right type and range.
 */
export interface IntegerSetting {
  kind: 'integer';
  id: string;
  default: number;
  minimum: number;
  maximum: number;
  /** The unit, in words, for the warning: "a whole number of {unit}". */
  unit: string;
}

export interface StringSetting {
  kind: 'string';
  id: string;
  default: string;
  /** The only values allowed, when the manifest lists them (`enum`). */
  values?: readonly string[];
}

export type SettingDeclaration = IntegerSetting | StringSetting;

export const EXTENSION_SETTINGS = {
  deploymentRetentionDays: {
    kind: 'integer',
    id: 'pgsql.flexProvisioning.deploymentRetentionDays',
    default: 30,
    minimum: 0,
    maximum: 3650,
    unit: l10n.t('days'),
  },
  // ARM throttles reads per subscription: never more often than every 5 seconds.
  pollIntervalSeconds: {
    kind: 'integer',
    id: 'pgsql.flexProvisioning.pollIntervalSeconds',
    default: 15,
    minimum: 5,
    maximum: 3600,
    unit: l10n.t('seconds'),
  },
  sandboxEndpoint: { kind: 'string', id: 'pgsql.flexProvisioning.sandbox.endpoint', default: '' },
  sandboxCaFile: { kind: 'string', id: 'pgsql.flexProvisioning.sandbox.caFile', default: '' },
  azureAccount: { kind: 'string', id: 'pgsql.flexProvisioning.azureAccount', default: 'vscode', values: ['vscode', 'azureCli'] },
} as const satisfies Record<string, SettingDeclaration>;

export type SettingName = keyof typeof EXTENSION_SETTINGS;

/** The value type a setting is read as. */
export type SettingValue<N extends SettingName> = (typeof EXTENSION_SETTINGS)[N]['default'] extends number ? number : string;
