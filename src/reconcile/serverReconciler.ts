import * as l10n from '../../machines/l10n';
import { BehaviorSubject, type Observable } from 'rxjs';
import type { ServerLocation } from '../../machines/connections/serverLocation';
import type { FirewallTarget } from '../connections/firewallRules';
import type { ServerFactsReader } from '../dashboard/serverFactsReader';
import { classifyServerRead, nextKnown, saysServerGone, type ServerCheck, type ServerRead } from './serverCheck';

/** A server as ARM names it: the profile's or the deployment's subscription, group and name. */
export type ServerTarget = FirewallTarget;

/** What the views and the connect flow use of the reconciler. */
export interface ServerChecks {
  /** The last conclusive answer per server (serverKey), for the views. */
  readonly known$: Observable<ReadonlyMap<string, ServerCheck>>;
  /** GETs the server, or joins the GET already under way for it; never throws. */
  check(target: ServerTarget): Promise<ServerCheck>;
  /** The last conclusive answer about the server, as the views show it; undefined before one. */
  latest(target: ServerTarget): ServerCheck | undefined;
}

/**
 * Where a server not found where asked is now, by the reconciler's own check: whoever asks (the
 * dashboard) and the Deployments view then say the same. Undefined unless it was moved.
 */
export function whereMovedBy(checks: Pick<ServerChecks, 'check'>): (target: ServerTarget) => Promise<ServerLocation | undefined> {
  return async (target) => {
    const check = await checks.check(target);
    if (check.kind !== 'moved') return undefined;
    const { kind: _kind, at: _at, ...location } = check;
    return location;
  };
}

/** Server names are global, but a server moved to another group or subscription is another target. */
export function serverKey(target: Pick<ServerTarget, 'subscriptionId' | 'resourceGroup' | 'serverName'>): string {
  return `${target.subscriptionId}/${target.resourceGroup}/${target.serverName}`.toLowerCase();
}

/**
 * Checks saved servers against Azure when asked (a view shown or refreshed, a connect attempt),
 * never on a timer. One GET per server at a time: every caller asking while it runs gets its
 * answer. The answers are view state only: nothing here writes a deployment record or a profile.
 */
export function createServerReconciler(reader: ServerFactsReader, now: () => number = Date.now): ServerChecks {
  const inFlight = new Map<string, Promise<ServerCheck>>();
  const known = new BehaviorSubject<ReadonlyMap<string, ServerCheck>>(new Map());

  const read = async (target: ServerTarget): Promise<ServerRead> => {
    try {
      const { state, publicNetworkAccess } = await reader.read(target);
      return { ok: true, ...(state !== undefined ? { state } : {}), ...(publicNetworkAccess !== undefined ? { publicNetworkAccess } : {}) };
    } catch (error) {
      return saysServerGone(error) ? { ok: false, error, ...(await whereNow(target)) } : { ok: false, error };
    }
  };

  // A server moved to another group or subscription keeps its name, and names are unique: a list finds it.
  const whereNow = async (target: ServerTarget): Promise<Pick<Extract<ServerRead, { ok: false }>, 'nowIn' | 'locateError'>> => {
    try {
      const nowIn = await reader.locate(target);
      if (nowIn && serverKey({ ...nowIn, serverName: target.serverName }) === serverKey(target)) {
        return { locateError: new Error(l10n.t("Azure lists '{0}' in '{1}' but answered its GET there with not found.", target.serverName, nowIn.resourceGroup)) };
      }
      return nowIn ? { nowIn } : {};
    } catch (locateError) {
      return { locateError };
    }
  };

  const record = (key: string, latest: ServerCheck) => {
    const previous = known.value.get(key);
    const next = nextKnown(previous, latest);
    if (next === undefined || next === previous) return;
    known.next(new Map(known.value).set(key, next));
  };

  return {
    known$: known.asObservable(),
    latest: (target) => known.value.get(serverKey(target)),
    check(target) {
      const key = serverKey(target);
      const running = inFlight.get(key);
      if (running) return running;
      const started = read(target).then((outcome) => {
        // Once answered, the next ask reads Azure again: a refresh means now, not the last answer.
        inFlight.delete(key);
        const check = classifyServerRead(outcome, now());
        record(key, check);
        return check;
      });
      inFlight.set(key, started);
      return started;
    },
  };
}
