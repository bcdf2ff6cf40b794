import { randomUUID } from 'node:crypto';
import type { ArmErrorBody } from '../http/armResponse';
import type { PlannedResource } from './template';
import { unsupportedOffer, unsupportedZone } from '../flexibleServers/capabilities';
import { unsupportedStorageTier } from '../flexibleServers/diskTiers';
import { textOr } from '../http/text';
import { publicServerPolicyDenial } from './failures';

/** The policy assignments in force where the deployment runs. */
export interface PolicyScope {
  subscriptionId: string;
  /** The sandbox's one deny assignment: no flexible server with public network access. */
  denyPublicServers: boolean;
}

const BLOCKED_LOGINS = ['azure_superuser', 'azure_pg_admin', 'admin', 'administrator', 'root', 'guest', 'public'];

/**
 * ARM's preflight: before accepting a deployment it asks each resource provider to validate its
 * resources, and answers the PUT with 400 InvalidTemplateDeployment → PreflightValidationCheckFailed
 * → the provider's findings (the shape of the official Deployments_Validate example). The inner
 * codes are the sandbox's names for the flexible-server rules it checks. Azure Policy is evaluated
 * first, as ARM does: a denied resource fails the whole deployment before any provider is asked.
 */
export function preflight(deploymentName: string, resources: PlannedResource[], policy: PolicyScope): ArmErrorBody | undefined {
  const denied = policy.denyPublicServers ? resources.filter(isPublicServer) : [];
  if (denied.length > 0) {
    return {
      code: 'InvalidTemplateDeployment',
      message: 'The template deployment failed because of policy violation. Please see details for more information.',
      details: denied.map((server) => {
        const { statusCode: _status, ...denial } = publicServerPolicyDenial({ serverName: server.name, subscriptionId: policy.subscriptionId });
        return { ...denial, target: server.name };
      }),
    };
  }
  const findings = resources.filter((r) => r.kind === 'flexibleServers').flatMap(checkServer);
  if (findings.length === 0) return undefined;
  return {
    code: 'InvalidTemplateDeployment',
    message: `The template deployment '${deploymentName}' is not valid according to the validation procedure. The tracking id is '${randomUUID()}'. See inner errors for details.`,
    details: [{ code: 'PreflightValidationCheckFailed', message: 'Preflight validation failed. Please refer to the details for the specific errors.', details: findings }],
  };
}

function isPublicServer(resource: PlannedResource): boolean {
  const network = (resource.properties.network ?? {}) as { publicNetworkAccess?: unknown };
  return resource.kind === 'flexibleServers' && network.publicNetworkAccess !== 'Disabled';
}

function checkServer(server: PlannedResource): ArmErrorBody[] {
  const p = server.properties;
  const findings: ArmErrorBody[] = [];
  const add = (code: string, message: string): void => {
    findings.push({ code, message, target: server.name });
  };
  if (!/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/.test(server.name)) {
    add('InvalidServerName', `The server name '${server.name}' must be 3 to 63 characters of lowercase letters, numbers and hyphens, and cannot start or end with a hyphen.`);
  }
  const storage = (p.storage ?? {}) as { storageSizeGB?: unknown; tier?: unknown };
  const storageSizeGB = Number(storage.storageSizeGB ?? 32);
  const offer = unsupportedOffer(textOr(p.version, ''), textOr(server.sku?.tier, ''), textOr(server.sku?.name, ''), storageSizeGB);
  if (offer) add('UnsupportedServerOffer', offer);
  const storageTier = unsupportedStorageTier(storageSizeGB, storage.tier);
  if (storageTier) add('UnsupportedStorageTier', storageTier);
  const ha = (p.highAvailability ?? {}) as { mode?: unknown; standbyAvailabilityZone?: unknown };
  if (server.sku?.tier === 'Burstable' && ha.mode !== undefined && ha.mode !== 'Disabled') {
    add('HighAvailabilityNotSupportedForBurstable', 'High availability is not supported for the Burstable tier.');
  }
  for (const zone of [p.availabilityZone, ha.standbyAvailabilityZone]) {
    const unsupported = unsupportedZone(zone);
    if (unsupported) add('AvailabilityZoneNotAvailable', unsupported);
  }
  if (ha.mode === 'ZoneRedundant' && ha.standbyAvailabilityZone !== undefined && ha.standbyAvailabilityZone === p.availabilityZone) {
    add('InvalidStandbyAvailabilityZone', 'The standby availability zone of a zone-redundant server must differ from its availability zone.');
  }
  const backup = (p.backup ?? {}) as { backupRetentionDays?: unknown };
  const retention = backup.backupRetentionDays ?? 7;
  if (typeof retention !== 'number' || !Number.isInteger(retention) || retention < 7 || retention > 35) {
    add('InvalidBackupRetentionDays', `The backup retention period '${textOr(retention, JSON.stringify(retention))}' is not valid: it must be between 7 and 35 days.`);
  }
  findings.push(...tagFindings(server));
  const login = typeof p.administratorLogin === 'string' ? p.administratorLogin : undefined;
  if (login !== undefined && (BLOCKED_LOGINS.includes(login.toLowerCase()) || login.toLowerCase().startsWith('pg_'))) {
    add('BlockedUserName', `The administrator login '${login}' is reserved. Choose a different login name.`);
  }
  const password = p.administratorLoginPassword;
  if (login !== undefined && typeof password === 'string' && holdsLogin(password, login)) {
    // Never the password in the message: ARM errors are stored and shown.
    add('PasswordNotComplex', 'Your password cannot contain all or part of the login name. Part of a login name is defined as three or more consecutive alphanumeric characters.');
  }
  return findings;
}

/** ARM's tag limits: 50 tags; names up to 512 characters without < > % & \ ? /; values up to 256. */
function tagFindings(resource: PlannedResource): ArmErrorBody[] {
  const tags = Object.entries(resource.tags ?? {});
  const finding = (code: string, message: string): ArmErrorBody => ({ code, message, target: resource.name });
  const findings: ArmErrorBody[] = [];
  if (tags.length > 50) findings.push(finding('InvalidTagCount', `The resource has ${tags.length} tags; at most 50 are allowed.`));
  for (const [name, value] of tags) {
    if (name.length > 512) findings.push(finding('InvalidTagNameLength', `The tag name '${name.slice(0, 40)}…' exceeds the maximum length of 512 characters.`));
    if (/[<>%&\\?/]/.test(name)) findings.push(finding('InvalidTagNameCharacters', `The tag name '${name}' has characters that are not allowed: '<,>,%,&,\\,?,/'.`));
    if (String(value).length > 256) findings.push(finding('InvalidTagValueLength', `The value of tag '${name}' exceeds the maximum length of 256 characters.`));
  }
  return findings;
}

/**
 * The portal's rule read literally: the whole login, or any three consecutive letters or digits of
 * it, anywhere in the password, in any case. Written here on its own rather than imported from the
 * extension, so that the sandbox checks the extension's rule instead of agreeing with it.
 */
function holdsLogin(password: string, login: string): boolean {
  const lowerLogin = login.toLowerCase();
  const parts = [...lowerLogin.matchAll(/(?=([\p{L}\p{N}]{3}))/gu)].map((m) => m[1]);
  return [lowerLogin, ...parts].some((part) => part !== '' && password.toLowerCase().includes(part));
}
