import * as l10n from '../../machines/l10n';
import type { ServerLocation } from '../../machines/connections/serverLocation';
import { armErrorFromRestError, classifyArmError } from '../azure/armErrors';

/**
 * What one GET of a server told about it. Only Azure's word that the server is not there makes it
 * `deleted`; anything that is not an answer about the server (throttled, unreachable, signed out,
 * refused, a 404 that does not say the resource is missing) is `notChecked` and changes nothing.
 */
export type ServerCheck =
  | { kind: 'found'; state?: string; publicNetworkAccess?: string; at: number }
  | { kind: 'deleted'; code: string; message: string; at: number }
  /** Not where the profile or record says, but in another resource group, of its subscription or another one. */
  | ({ kind: 'moved'; at: number } & ServerLocation)
  | { kind: 'notChecked'; reason: NotCheckedReason; detail: string; at: number };

export type NotCheckedReason = 'signedOut' | 'unavailable' | 'refused';

/**
 * ARM's codes for "no such resource" on a resource's own GET: the server (ResourceNotFound), what
 * it hangs under (ParentResourceNotFound), or its resource group (ResourceGroupNotFound: deleting
 * the group is a common way to delete a server, and no resource outlives its group). A 404 of any
 * other code (a subscription this account cannot see, a route a proxy does not know) says nothing
 * about the server.
 */
export const SERVER_GONE_CODES: ReadonlySet<string> = new Set(['ResourceNotFound', 'ParentResourceNotFound', 'ResourceGroupNotFound']);

/**
 * The server GET's outcome: what the checks use of its facts, or what it threw. After a "not
 * found", where Azure has a server of that name now (`nowIn`), or why that could not be told
 * (`locateError`).
 */
export type ServerRead =
  | { ok: true; state?: string; publicNetworkAccess?: string }
  | { ok: false; error: unknown; nowIn?: ServerLocation; locateError?: unknown };

/** Whether a GET's failure is Azure's word that the server is not where it was asked for. */
export function saysServerGone(error: unknown): boolean {
  if (classifyArmError(error, 0).kind !== 'notFound') return false;
  return SERVER_GONE_CODES.has(armErrorFromRestError(error as Parameters<typeof armErrorFromRestError>[0]).code);
}

export function classifyServerRead(read: ServerRead, at: number): ServerCheck {
  if (read.ok) {
    const { ok: _, ...facts } = read;
    return { kind: 'found', ...facts, at };
  }
  const failure = classifyArmError(read.error, at);
  switch (failure.kind) {
    case 'signedOut':
      return { kind: 'notChecked', reason: 'signedOut', detail: l10n.t('signed out of Azure'), at };
    case 'unavailable':
      return { kind: 'notChecked', reason: 'unavailable', detail: l10n.t('Azure did not answer ({0})', failure.reason), at };
    case 'failed':
      return { kind: 'notChecked', reason: 'refused', detail: `${failure.error.message} (${failure.error.code})`, at };
    case 'notFound': {
      const { code, message } = armErrorFromRestError(read.error as Parameters<typeof armErrorFromRestError>[0]);
      if (!SERVER_GONE_CODES.has(code)) return { kind: 'notChecked', reason: 'refused', detail: l10n.t('Azure answered 404 without saying the server is gone: {0} ({1})', message, code), at };
      // Gone from here, maybe moved: unless the subscription's list could be read, nothing is concluded.
      if (read.locateError !== undefined) return classifyServerRead({ ok: false, error: read.locateError }, at);
      return read.nowIn ? { kind: 'moved', ...read.nowIn, at } : { kind: 'deleted', code, message, at };
    }
  }
}

/** A server stopped in Azure: it exists, nothing can connect to it, and ARM would start it. */
export function isStopped(check: ServerCheck | undefined): boolean {
  return check?.kind === 'found' && check.state === 'Stopped';
}

/** A server created (or later set) without public access: nothing outside its network can connect. */
export function hasNoPublicAccess(check: ServerCheck | undefined): boolean {
  return check?.kind === 'found' && check.publicNetworkAccess === 'Disabled';
}

/**
 * What the view keeps when a new check comes in: a conclusive answer replaces the last one; one that
 * could not be had keeps the last conclusive answer (a throttled read never un-deletes a server,
 * nor deletes one).
 */
export function nextKnown(previous: ServerCheck | undefined, latest: ServerCheck): ServerCheck | undefined {
  return latest.kind === 'notChecked' ? previous : latest;
}
