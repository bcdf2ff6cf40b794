import * as l10n from '../../machines/l10n';
import { readFile } from 'node:fs/promises';
import { EXTENSION_SETTINGS } from '../settings/extensionSettings';

/**
 * Where ARM is: real Azure, or the local sandbox (an HTTPS stand-in with a self-signed certificate).
 * The same SDK clients run in both modes; only their endpoint and trusted CA differ, so the
 * production path is the one the sandbox tests exercise.
 */

export const SANDBOX_ENDPOINT_SETTING = EXTENSION_SETTINGS.sandboxEndpoint.id;
export const SANDBOX_CA_FILE_SETTING = EXTENSION_SETTINGS.sandboxCaFile.id;

export const AZURE_RESOURCE_MANAGER = 'https://management.azure.com';
/** The scope every ARM client asks for, in both modes, so a credential cannot tell them apart. */
export const ARM_SCOPE = 'https://management.azure.com/.default';
/** The scope of Microsoft Entra tokens for Azure Database for PostgreSQL logins. */
export const OSSRDBMS_SCOPE = 'https://ossrdbms-aad.database.windows.net/.default';

export type ArmEnvironment =
  | { kind: 'azure'; endpoint: string }
  | { kind: 'sandbox'; endpoint: string; ca: string };

/** The two settings, as read from the configuration (empty endpoint = real Azure). */
export interface SandboxSettings {
  endpoint?: string;
  caFile?: string;
}

export class ArmEnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArmEnvironmentError';
  }
}

export async function resolveArmEnvironment(
  settings: SandboxSettings,
  readText: (path: string) => Promise<string> = (path) => readFile(path, 'utf8'),
): Promise<ArmEnvironment> {
  const endpoint = settings.endpoint?.trim() ?? '';
  if (!endpoint) return { kind: 'azure', endpoint: AZURE_RESOURCE_MANAGER };
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ArmEnvironmentError(l10n.t("{0} is not a URL: '{1}'.", SANDBOX_ENDPOINT_SETTING, endpoint));
  }
  // The SDK's bearer-token policy refuses to send a token over plain HTTP.
  if (url.protocol !== 'https:') {
    throw new ArmEnvironmentError(l10n.t("{0} must be an https:// URL (got '{1}').", SANDBOX_ENDPOINT_SETTING, endpoint));
  }
  const caFile = settings.caFile?.trim();
  if (!caFile) {
    throw new ArmEnvironmentError(l10n.t("{0} must name the sandbox's certificate (PEM) when {1} is set.", SANDBOX_CA_FILE_SETTING, SANDBOX_ENDPOINT_SETTING));
  }
  let ca: string;
  try {
    ca = await readText(caFile);
  } catch (error) {
    throw new ArmEnvironmentError(l10n.t("Cannot read {0} '{1}': {2}", SANDBOX_CA_FILE_SETTING, caFile, (error as Error).message));
  }
  if (!ca.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ArmEnvironmentError(l10n.t("{0} '{1}' is not a PEM certificate.", SANDBOX_CA_FILE_SETTING, caFile));
  }
  return { kind: 'sandbox', endpoint: url.origin, ca };
}

/** Pipeline options shared by every ARM client: endpoint, trusted CA and retry policy. */
export interface ArmPipelineOptions {
  endpoint: string;
  tlsOptions?: { ca: string };
  retryOptions?: { maxRetries: number };
}

/**
 * `sdkRetries: false` turns the SDK's own retry policy off: the tracker's reader reports throttling
 * and 5xx to the tracker, whose next cycle honours Retry-After (see docs/decisions/azure-sdk.md).
 */
export function armPipelineOptions(env: ArmEnvironment, { sdkRetries }: { sdkRetries: boolean }): ArmPipelineOptions {
  return {
    endpoint: env.endpoint,
    ...(env.kind === 'sandbox' ? { tlsOptions: { ca: env.ca } } : {}),
    ...(sdkRetries ? {} : { retryOptions: { maxRetries: 0 } }),
  };
}
