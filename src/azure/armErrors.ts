import type { ArmErrorSummary, PolicyViolation } from '../../machines/flexDeployment/stagedFlexProfile';
import { isSignedOutError } from './signedOutError';
import { errorMessage } from '../../machines/errorMessage';

/**
 * How an ARM failure matters to a caller: try again later, ask the user to sign in, the thing is
 * gone, or a real error to show verbatim.
 */
export type ArmFailure =
  | { kind: 'unavailable'; reason: string; retryAfterMs?: number }
  | { kind: 'signedOut' }
  | { kind: 'notFound' }
  | { kind: 'failed'; error: ArmErrorSummary };

/** ARM's error body shape (`error` of a CloudError, or a deployment's `properties.error`). */
export interface ArmErrorBody {
  code?: string;
  message?: string;
  target?: string;
  details?: readonly ArmErrorBody[];
  /** Typed extras; a policy denial carries `{ type: 'PolicyViolation', info: { policyAssignmentDisplayName, … } }`. */
  additionalInfo?: readonly { type?: string; info?: unknown }[];
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'REQUEST_SEND_ERROR']);

/** An SDK RestError, told by its name as the SDK's own isRestError also does (without loading the SDK for it). */
interface RestErrorLike {
  name: 'RestError';
  message: string;
  code?: string;
  statusCode?: number;
  details?: unknown;
  response?: RawArmResponse & { headers: { get(name: string): string | undefined } };
}

function isRestError(error: unknown): error is RestErrorLike {
  return error instanceof Error && error.name === 'RestError';
}

export function classifyArmError(error: unknown, now: number = Date.now()): ArmFailure {
  if (isSignedOutError(error)) return { kind: 'signedOut' };
  if (isRestError(error)) {
    const status = error.statusCode;
    if (status === undefined) return { kind: 'unavailable', reason: `network: ${error.code ?? error.message}` };
    if (status === 401) return { kind: 'signedOut' };
    if (status === 404) return { kind: 'notFound' };
    if (status === 408 || status === 429 || status >= 500) {
      const retryAfterMs = retryAfterFromHeaders((name) => error.response?.headers.get(name), now);
      return { kind: 'unavailable', reason: `HTTP ${status}${error.code ? ` ${error.code}` : ''}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    }
    return { kind: 'failed', error: armErrorFromRestError(error) };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return { kind: 'unavailable', reason: `network: ${code}` };
  return { kind: 'failed', error: { code: typeof code === 'string' ? code : 'Error', message: errorMessage(error) } };
}

/**
 * Retry-After as ARM and the SDK use it: `retry-after-ms` / `x-ms-retry-after-ms` in milliseconds,
 * `Retry-After` in seconds or as an HTTP date.
 */
export function retryAfterFromHeaders(get: (name: string) => string | undefined, now: number = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    // An absent header is Number(undefined), NaN.
    const ms = Number(get(name));
    if (Number.isFinite(ms) && ms >= 0) return ms;
  }
  const value = get('retry-after');
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The innermost message first, the whole chain (outermost first) kept for View Details. */
export function summarizeArmError(body: ArmErrorBody): ArmErrorSummary {
  const chain: { code: string; message: string; target?: string }[] = [];
  let innermost: ArmErrorBody = body;
  let innermostDepth = -1;
  let policyViolation: PolicyViolation | undefined;
  const visit = (node: ArmErrorBody, depth: number): void => {
    chain.push({ code: node.code ?? '', message: node.message ?? '', ...(node.target ? { target: node.target } : {}) });
    policyViolation ??= policyViolationOf(node);
    if (node.message && depth > innermostDepth) {
      innermost = node;
      innermostDepth = depth;
    }
    for (const child of node.details ?? []) visit(child, depth + 1);
  };
  visit(body, 0);
  return {
    code: innermost.code ?? body.code ?? 'Unknown',
    message: innermost.message ?? body.message ?? '',
    ...(chain.length > 1 ? { chain } : {}),
    ...(policyViolation ? { policyViolation } : {}),
  };
}

/** The names ARM gives the denying policy, preferring what the portal shows (display names). */
function policyViolationOf(node: ArmErrorBody): PolicyViolation | undefined {
  const info = node.additionalInfo?.find((entry) => entry.type === 'PolicyViolation')?.info;
  if (!info) return undefined;
  const named = (...keys: string[]) => keys.map((key) => (info as Record<string, unknown>)[key]).find((value): value is string => typeof value === 'string' && value !== '');
  const assignment = named('policyAssignmentDisplayName', 'policyAssignmentName');
  const definition = named('policyDefinitionDisplayName', 'policyDefinitionName');
  return assignment || definition ? { ...(assignment ? { assignment } : {}), ...(definition ? { definition } : {}) } : undefined;
}

/** ARM's error from an SDK RestError: its parsed body when there is one, else code and message. */
export function armErrorFromRestError(error: { code?: string; message: string; details?: unknown; response?: RawArmResponse }): ArmErrorSummary {
  const body = errorBodyOf(error.details) ?? errorBodyOfResponse(error.response);
  return body ? summarizeArmError(body) : { code: error.code ?? 'Unknown', message: error.message };
}

/** The parts of an HTTP response an ARM error body can be read from. */
export interface RawArmResponse {
  status?: number;
  parsedBody?: unknown;
  bodyAsText?: string | null;
}

export function errorBodyOfResponse(response: RawArmResponse | undefined): ArmErrorBody | undefined {
  return errorBodyOf(response?.parsedBody) ?? errorBodyOf(parseJson(response?.bodyAsText));
}

/** `{ error: {...} }` (CloudError) or the error object itself. */
export function errorBodyOf(value: unknown): ArmErrorBody | undefined {
  // Stryker disable next-line ConditionalExpression: a string or number has no code or message either, so the last line rejects it too
  if (!value || typeof value !== 'object') return undefined;
  const inner = (value as { error?: unknown }).error;
  const candidate = inner && typeof inner === 'object' ? inner : value;
  const { code, message } = candidate as ArmErrorBody;
  return typeof code === 'string' || typeof message === 'string' ? candidate : undefined;
}

function parseJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML error page, say): there is no ARM error body to read.
  }
  return undefined;
}
