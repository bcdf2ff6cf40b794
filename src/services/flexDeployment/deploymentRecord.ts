import * as z from 'zod';
import { armErrorSchema } from './armErrorSchema';
import { DEPLOYMENT_STATES, stateHasTag, stateOfStagedProfile, type DeploymentStateName } from '../../../machines/flexDeployment/deploymentStates';
import { connectionProfileFields } from '../../../machines/connections/connectionProfileFields';
import { retryableRequestSchema } from '../../../machines/flexDeployment/retryableRequest';
import { DEPLOYMENT_STATUSES, type DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';

/**
 * A deployment as stored under `pgsql.flexProvisioning.stagedProfiles`: the spec's StagedFlexProfile
 * fields at the top level (so any reader of the key sees a truthful `status`), plus the machine
 * state and what rehydration needs. Every record is validated on read; nothing stored is trusted.
 */
export const CURRENT_SCHEMA_VERSION = 2;

/** The spec's StagedFlexProfile, as an older build (schema 1) stored it. */
const stagedFlexProfileSchema = z.object({
  stagingId: z.string().min(1),
  deploymentName: z.string().min(1),
  resourceGroupName: z.string().min(1),
  subscriptionId: z.string().min(1),
  tenantId: z.string(),
  connectionProfile: connectionProfileFields.partial(),
  status: z.enum(['pending', 'deploying', 'succeeded', 'failed']),
  createdAt: z.number().finite(),
  lastCheckedAt: z.number().finite().optional(),
  profileCreated: z.boolean().optional(),
  dashboardOpened: z.boolean().optional(),
  error: z.string().optional(),
  serverResourceId: z.string().optional(),
  passwordSecretId: z.string().optional(),
});

/** Added within schema 2 (cancel): records written before still read, and those written since validate. */
const cancellationSchema = z.object({
  requestedAt: z.number().finite(),
  acceptedAt: z.number().finite().optional(),
  refused: armErrorSchema.optional(),
  unanswered: z.object({ at: z.number().finite(), reason: z.string() }).optional(),
});

/** Added within schema 2 (transient retries), optional as `cancellation` is. */
const transientRetrySchema = z.object({
  failedAttempts: z.number().int().positive(),
  error: armErrorSchema,
  retryAt: z.number().finite(),
  resubmittedAt: z.number().finite().optional(),
  answerAwaited: z.boolean().optional(),
});

const deploymentRecordSchema = stagedFlexProfileSchema.extend({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  status: z.enum(DEPLOYMENT_STATUSES),
  state: z.enum(DEPLOYMENT_STATES),
  serverName: z.string().min(1),
  location: z.string(),
  request: retryableRequestSchema.optional(),
  provisioningState: z.string().optional(),
  armError: armErrorSchema.optional(),
  terminalAt: z.number().finite().optional(),
  inActiveSession: z.boolean(),
  effectError: z.string().optional(),
  profileId: z.string().optional(),
  retryRequestedAt: z.number().finite().optional(),
  profileRestoredAt: z.number().finite().optional(),
  profileRemovedAt: z.number().finite().optional(),
  startedAt: z.number().finite().optional(),
  armStartedAt: z.number().finite().optional(),
  unchecked: z.object({ since: z.number().finite(), reason: z.string() }).optional(),
  startOutcomeUnknown: z.object({ at: z.number().finite(), reason: z.string() }).optional(),
  cancellation: cancellationSchema.optional(),
  transientRetry: transientRetrySchema.optional(),
  audit: z.array(z.object({ at: z.number(), event: z.string(), to: z.string() })),
});

export type DeploymentRecord = DeploymentContext & { schemaVersion: typeof CURRENT_SCHEMA_VERSION; state: DeploymentStateName };

export type RecordReading =
  | { kind: 'valid'; record: DeploymentRecord; migratedFrom?: number }
  | { kind: 'newer'; stagingId: string; schemaVersion: number }
  | { kind: 'invalid'; reason: string };

export function toRecord(state: DeploymentStateName, context: DeploymentContext): DeploymentRecord {
  return { ...context, schemaVersion: CURRENT_SCHEMA_VERSION, state };
}

export function toContext(record: DeploymentRecord): DeploymentContext {
  const { schemaVersion: _v, state: _s, ...context } = record;
  return context;
}

/** Equal as stored: JSON drops undefined fields, and key order does not matter. */
export function sameRecord(a: DeploymentRecord, b: DeploymentRecord): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

/** Validates (and migrates) one stored item. Never throws. */
export function readRecord(raw: unknown): RecordReading {
  const version = schemaVersionOf(raw);
  if (version > CURRENT_SCHEMA_VERSION) {
    const stagingId = typeof (raw as { stagingId?: unknown }).stagingId === 'string' ? (raw as { stagingId: string }).stagingId : '';
    return stagingId ? { kind: 'newer', stagingId, schemaVersion: version } : { kind: 'invalid', reason: 'a newer record without a stagingId' };
  }
  if (version === 1) {
    const parsed = stagedFlexProfileSchema.safeParse(raw);
    if (!parsed.success) return { kind: 'invalid', reason: describe(parsed.error) };
    return { kind: 'valid', record: migrateFromVersion1(parsed.data), migratedFrom: 1 };
  }
  const parsed = deploymentRecordSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid', reason: describe(parsed.error) };
  return { kind: 'valid', record: parsed.data };
}

function schemaVersionOf(raw: unknown): number {
  // Something that is no object has no version either: schema 1's parse rejects it like any other.
  const v = (raw as { schemaVersion?: unknown } | null | undefined)?.schemaVersion;
  if (v === undefined) return 1;
  return typeof v === 'number' ? v : CURRENT_SCHEMA_VERSION;
}

/**
 * Schema 1 is the specification's plain StagedFlexProfile: status and flags, no machine state, no
 * audit trail, no request to retry from. The machine state follows from status and the flags.
 */
export function migrateFromVersion1(old: z.infer<typeof stagedFlexProfileSchema>): DeploymentRecord {
  const state = stateOfStagedProfile(old);
  const terminal = !stateHasTag(state, 'running');
  return {
    ...old,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    state,
    serverName: old.connectionProfile.profileName ?? serverNameFromDeployment(old.deploymentName),
    location: old.connectionProfile.azureLocation ?? '',
    armError: old.error ? { code: 'DeploymentFailed', message: old.error } : undefined,
    terminalAt: terminal ? (old.lastCheckedAt ?? old.createdAt) : undefined,
    inActiveSession: false,
    audit: [{ at: old.lastCheckedAt ?? old.createdAt, event: 'migrated.fromSchema1', to: state }],
  };
}

function serverNameFromDeployment(deploymentName: string): string {
  const match = /^pgflex-(.+)-\d+$/.exec(deploymentName);
  return match?.[1] ?? deploymentName;
}

/** The first problem found, and where: a failed parse always has one. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.join('.') || 'record'}: ${issue.message}`;
}
