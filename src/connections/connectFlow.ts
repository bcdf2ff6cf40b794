import * as l10n from '../../machines/l10n';
import type { Notifier } from '../notifications/notifier';
import type { ConnectionManager } from './connectionManager';
import type { ConnectionStore } from './connectionStore';
import { ConnectionFailure, type ConnectionFailureKind } from './connectionFailure';
import type { ConnectionProfile } from './connectionProfile';
import { azureServerRef } from './azureServerRef';
import type { FirewallRuleCreator, FirewallTarget } from './firewallRules';
import { errorMessage } from '../../machines/errorMessage';

/** The log's levels the flow writes at: each attempt and its outcome, never a password. */
export interface ConnectLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface ConnectFlowDeps {
  store: ConnectionStore;
  manager: ConnectionManager;
  notifier: Notifier;
  firewall: FirewallRuleCreator;
  log: ConnectLog;
  /**
   * Asks Azure about the server after a failure that could mean it is gone or stopped, and says
   * so itself when it is (true); the flow shows the connection's error otherwise.
   */
  explainFromAzure?(profile: ConnectionProfile, target: FirewallTarget): Promise<boolean>;
}

/**
 * Failures Azure may explain better: a server deleted or stopped shows as the first three, and one
 * without public access may answer as a firewall would (offering a rule for it would not help).
 * A refused password or role proves the server is there and open: Azure is not asked.
 */
const AZURE_MAY_EXPLAIN: ReadonlySet<ConnectionFailureKind> = new Set(['notFound', 'unreachable', 'other', 'firewall']);

export type ConnectOutcome = { connected: true } | { connected: false; failure: ConnectionFailure };

/**
 * Connects as the user asked: a failure is shown with its reason and next step, the profile stays,
 * and nothing is retried on its own. A firewall refusal offers to add a rule for the address the
 * server reported and then connects exactly once more. A server Azure says was deleted, is
 * stopped or has no public access is told as such, with what can be done, instead of the
 * connection's error.
 */
export async function connectWithRecovery(profileId: string, deps: ConnectFlowDeps): Promise<ConnectOutcome> {
  const first = await attempt(profileId, deps);
  if (first.connected) {
    return first;
  }
  const profile = deps.store.getProfile(profileId);
  const target = profile ? azureServerRef(profile) : undefined;
  const { failure } = first;
  const name = profile?.profileName ?? profileId;
  if (profile && target && deps.explainFromAzure && AZURE_MAY_EXPLAIN.has(failure.kind) && (await deps.explainFromAzure(profile, target))) {
    return first;
  }
  if (failure.kind !== 'firewall' || !failure.clientIp || !target) {
    void deps.notifier.error(connectErrorMessage(name, failure));
    return first;
  }
  const addRule = l10n.t('Add firewall rule for {0}', failure.clientIp);
  const choice = await deps.notifier.error(connectErrorMessage(name, failure), addRule);
  if (choice !== addRule) {
    return first;
  }
  deps.log.info(`Adding a firewall rule for ${failure.clientIp} to '${target.serverName}', as the user asked.`);
  try {
    await deps.notifier.withProgress(l10n.t("Adding firewall rule for {0} to '{1}'…", failure.clientIp, target.serverName), () =>
      deps.firewall.allowClientIp(target, failure.clientIp as string),
    );
  } catch (error) {
    const reason = errorMessage(error);
    deps.log.warn(`Adding the firewall rule for ${failure.clientIp} to '${target.serverName}' failed: ${reason}`);
    const ruleFailure = new ConnectionFailure(
      'firewall',
      l10n.t('Could not add the firewall rule for {0}: {1}', failure.clientIp, reason),
      l10n.t("Add it in the Azure portal (Networking of '{0}'), then connect again.", target.serverName),
      failure.clientIp,
    );
    void deps.notifier.error(connectErrorMessage(name, ruleFailure));
    return { connected: false, failure: ruleFailure };
  }
  const second = await attempt(profileId, deps);
  if (!second.connected) {
    void deps.notifier.error(connectErrorMessage(name, second.failure));
  }
  return second;
}

export function connectErrorMessage(profileName: string, failure: ConnectionFailure): string {
  return l10n.t("Could not connect to '{0}': {1} {2}", profileName, failure.reason, failure.nextStep);
}

async function attempt(profileId: string, deps: ConnectFlowDeps): Promise<ConnectOutcome> {
  const profile = deps.store.getProfile(profileId);
  const name = profile ? `'${profile.profileName}' (${profile.user}@${profile.server}, ${profile.authenticationType})` : profileId;
  deps.log.info(`Connecting to ${name}…`);
  try {
    await deps.manager.connect(profileId);
    deps.log.info(`Connected to ${name}.`);
    return { connected: true };
  } catch (error) {
    const failure = error instanceof ConnectionFailure ? error : new ConnectionFailure('other', errorMessage(error), l10n.t('Check the connection profile, then connect again.'));
    deps.log.warn(`Connecting to ${name} failed (${failure.kind}): ${failure.reason}`);
    return { connected: false, failure };
  }
}
