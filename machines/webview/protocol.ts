import * as z from 'zod';
import { createServerWebviewMessageSchemas, type CreateServerHostMessage } from './createServerMessages';
import { dashboardWebviewMessageSchemas, type DashboardHostMessage } from './dashboardMessages';

/**
 * The one message protocol between the extension host and its webviews. Each view adds its
 * messages to the unions below; the host parses every incoming message with parseWebviewMessage
 * and never acts on anything else.
 */

/** Posted by every webview once it listens, before the host sends anything. */
const readySchema = z.strictObject({ type: z.literal('ready') });

export const webviewMessageSchema = z.discriminatedUnion('type', [
  readySchema,
  ...createServerWebviewMessageSchemas,
  ...dashboardWebviewMessageSchemas,
]);

export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

export type HostMessage = CreateServerHostMessage | DashboardHostMessage;

export type WebviewMessageParse = { ok: true; message: WebviewMessage } | { ok: false; reason: string };

/**
 * The reason names the offending paths and rules, never the values: a rejected message may carry
 * a password, and the reason goes to the log.
 */
export function parseWebviewMessage(raw: unknown): WebviewMessageParse {
  const result = webviewMessageSchema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  // Every issue: a message has a few fields at most, each failing one rule at most.
  const reason = result.error.issues.map((issue) => `${pathOf(issue.path) || '(message)'}: ${issue.message}`).join('; ');
  return { ok: false, reason: reason.length > REASON_LENGTH ? `${reason.slice(0, REASON_LENGTH)}…` : reason };
}

/** A hostile page may name hundreds of unknown keys, each listed by the rule it breaks: the log line stays a line. */
const REASON_LENGTH = 1_000;

function pathOf(path: readonly PropertyKey[]): string {
  // Stryker disable next-line StringLiteral: no webview message has a nested field yet, so no path has two parts to separate
  return path.join('.');
}

/**
 * What a webview may keep with `setState` (it survives "Reload Window"): the deployment or the
 * connection profile it shows, nothing else — in particular no form values, so never a password.
 */
export const webviewStateSchema = z.object({
  stagingId: z.string().min(1).max(200).optional(),
  profileId: z.string().min(1).max(200).optional(),
});

export type WebviewState = z.infer<typeof webviewStateSchema>;
