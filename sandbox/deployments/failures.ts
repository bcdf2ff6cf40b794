import { randomUUID } from 'node:crypto';
import type { KnownFailure, ScriptedError } from '../types';

/** A resource failure as the resource provider reports it inside a deployment. */
export interface ResourceFailure {
  code: string;
  message: string;
  /** The operation's statusCode, e.g. Conflict. */
  statusCode: string;
}

interface FailureContext {
  serverName: string;
  subscriptionId: string;
  location: string;
}

/** Codes and wording as Azure Database for PostgreSQL reports them. */
const KNOWN: Record<KnownFailure, (ctx: FailureContext) => ResourceFailure> = {
  ServerNameAlreadyExists: () => ({
    code: 'ServerNameAlreadyExists',
    message: 'Specified server name is already used by another server.',
    statusCode: 'Conflict',
  }),
  QuotaExceeded: (ctx) => ({
    code: 'QuotaExceeded',
    message: `Operation could not be completed as it results in exceeding approved vCore quota for Azure Database for PostgreSQL flexible servers in location '${ctx.location}' for subscription '${ctx.subscriptionId}'. Current limit: 10, current usage: 10, additional required: 2. Submit a request for a quota increase at https://aka.ms/postgres-flexible-server-quota.`,
    statusCode: 'BadRequest',
  }),
  InvalidParameterValue: () => ({
    code: 'InvalidParameterValue',
    message: "Invalid value given for parameter 'storageSizeGB'. Specify a valid parameter value.",
    statusCode: 'BadRequest',
  }),
  InternalServerError: () => ({
    code: 'InternalServerError',
    message: `An unexpected error occured while processing the request. Tracking ID: '${randomUUID()}'`,
    statusCode: 'InternalServerError',
  }),
};

export function resolveFailure(error: KnownFailure | ScriptedError, ctx: FailureContext): ResourceFailure {
  if (typeof error === 'string') return KNOWN[error](ctx);
  const known = (KNOWN as Record<string, ((c: FailureContext) => ResourceFailure) | undefined>)[error.code];
  const base = known ? known(ctx) : { code: error.code, message: `The operation failed with '${error.code}'.`, statusCode: 'BadRequest' };
  return { ...base, message: error.message ?? base.message };
}

export function serverNameTaken(ctx: FailureContext): ResourceFailure {
  return KNOWN.ServerNameAlreadyExists(ctx);
}
