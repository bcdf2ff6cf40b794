/** What a route handler answers; the server adds ARM's standard headers and serializes the body. */
export interface ArmResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ArmErrorBody {
  code: string;
  message: string;
  target?: string;
  details?: ArmErrorBody[];
  /** ARM's typed extras, e.g. `{ type: 'PolicyViolation', info: { policyAssignmentDisplayName, … } }`. */
  additionalInfo?: { type: string; info: Record<string, unknown> }[];
}

export function ok(body: unknown, status = 200, headers?: Record<string, string>): ArmResponse {
  return { status, body, headers };
}

export function armError(status: number, code: string, message: string, headers?: Record<string, string>): ArmResponse {
  return { status, body: { error: { code, message } }, headers };
}

