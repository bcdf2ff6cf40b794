import { randomUUID } from 'node:crypto';
import type { ArmErrorBody } from '../http/armResponse';
import type { KnownFailure, ScriptedError } from '../types';

/** A resource failure as the resource provider reports it inside a deployment. */
export interface ResourceFailure {
  code: string;
  message: string;
  /** The operation's statusCode, e.g. Conflict. */
  statusCode: string;
  additionalInfo?: ArmErrorBody['additionalInfo'];
}

/** The numbers ARM's QuotaExceeded message gives. */
export interface QuotaUse {
  limit: number;
  usage: number;
  required: number;
}

interface FailureContext {
  serverName: string;
  subscriptionId: string;
  location: string;
  /** The quota the server broke; a scripted QuotaExceeded has none and tells ARM's sample figures. */
  quota?: QuotaUse;
}

const SCRIPTED_QUOTA: QuotaUse = { limit: 10, usage: 10, required: 2 };

/** Codes and wording as Azure Database for PostgreSQL reports them. */
const KNOWN: Record<KnownFailure, (ctx: FailureContext) => ResourceFailure> = {
  ServerNameAlreadyExists: () => ({
    code: 'ServerNameAlreadyExists',
    message: 'Specified server name is already used by another server.',
    statusCode: 'Conflict',
  }),
  QuotaExceeded: ({ location, subscriptionId, quota = SCRIPTED_QUOTA }) => ({
    code: 'QuotaExceeded',
    message: `Operation could not be completed as it results in exceeding approved vCore quota for Azure Database for PostgreSQL flexible servers in location '${location}' for subscription '${subscriptionId}'. Current limit: ${quota.limit}, current usage: ${quota.usage}, additional required: ${quota.required}. Submit a request for a quota increase at https://aka.ms/postgres-flexible-server-quota.`,
    statusCode: 'BadRequest',
  }),
  InvalidParameterValue: () => ({
    code: 'InvalidParameterValue',
    message: "Invalid value given for parameter 'storageSizeGB'. Specify a valid parameter value.",
    statusCode: 'BadRequest',
  }),
  RequestDisallowedByPolicy: (ctx) => publicServerPolicyDenial(ctx),
  InternalServerError: () => ({
    code: 'InternalServerError',
    message: `An unexpected error occured while processing the request. Tracking ID: '${randomUUID()}'`,
    statusCode: 'InternalServerError',
  }),
};

/**
 * The sandbox's one deny assignment, at the subscription: no flexible server with public network
 * access. Named as ARM names it: in the message and, for tools, in additionalInfo.
 */
export function publicServerPolicyDenial(ctx: Pick<FailureContext, 'serverName' | 'subscriptionId'>): ResourceFailure {
  const assignmentId = `/subscriptions/${ctx.subscriptionId}/providers/Microsoft.Authorization/policyAssignments/deny-public-postgres`;
  const definitionId = '/providers/Microsoft.Authorization/policyDefinitions/deny-public-postgres-definition';
  return {
    code: 'RequestDisallowedByPolicy',
    message: `Resource '${ctx.serverName}' was disallowed by policy. Policy identifiers: '[{"policyAssignment":{"name":"No public PostgreSQL servers","id":"${assignmentId}"},"policyDefinition":{"name":"Public network access should be disabled for PostgreSQL flexible servers","id":"${definitionId}"}}]'.`,
    statusCode: 'Forbidden',
    additionalInfo: [
      {
        type: 'PolicyViolation',
        info: {
          policyDefinitionDisplayName: 'Public network access should be disabled for PostgreSQL flexible servers',
          policyDefinitionId: definitionId,
          policyDefinitionName: 'deny-public-postgres-definition',
          policyDefinitionEffect: 'deny',
          policyAssignmentDisplayName: 'No public PostgreSQL servers',
          policyAssignmentId: assignmentId,
          policyAssignmentName: 'deny-public-postgres',
          policyAssignmentScope: `/subscriptions/${ctx.subscriptionId}`,
        },
      },
    ],
  };
}

/**
 * A compute size the location does not give the subscription. The code is ARM's documented one
 * (common deployment errors); the words are the sandbox's own, naming what ARM's message names.
 */
export function skuNotAvailable(ctx: Pick<FailureContext, 'subscriptionId' | 'location'>, skuName: string): ResourceFailure {
  return {
    code: 'SkuNotAvailable',
    message: `The requested compute size '${skuName}' is currently not available in location '${ctx.location}' for subscription '${ctx.subscriptionId}'. Please try another size or deploy to a different location.`,
    statusCode: 'BadRequest',
  };
}

export function resolveFailure(error: KnownFailure | ScriptedError, ctx: FailureContext): ResourceFailure {
  if (typeof error === 'string') return KNOWN[error](ctx);
  const known = (KNOWN as Record<string, ((c: FailureContext) => ResourceFailure) | undefined>)[error.code];
  const base = known ? known(ctx) : { code: error.code, message: `The operation failed with '${error.code}'.`, statusCode: 'BadRequest' };
  return { ...base, message: error.message ?? base.message };
}

export function serverNameTaken(ctx: FailureContext): ResourceFailure {
  return KNOWN.ServerNameAlreadyExists(ctx);
}

export function quotaExceeded(ctx: FailureContext & { quota: QuotaUse }): ResourceFailure {
  return KNOWN.QuotaExceeded(ctx);
}

/** The resource provider's own error, as the deployment and its operation both report it. */
export function providerError(failure: ResourceFailure): ArmErrorBody {
  return { code: failure.code, message: failure.message, ...(failure.additionalInfo ? { additionalInfo: failure.additionalInfo } : {}) };
}
