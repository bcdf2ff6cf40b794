import * as l10n from '../../machines/l10n';
import type { ArmFactsState, DashboardState, FirewallState, LiveState } from '../../machines/webview/dashboardMessages';
import { loginUser, type ConnectionProfile } from '../connections/connectionProfile';
import type { ConnectionManager } from '../connections/connectionManager';
import { ConnectionFailure } from '../connections/connectionFailure';
import { azureServerRef } from '../connections/azureServerRef';
import type { FirewallRules, FirewallTarget } from '../connections/firewallRules';
import type { ServerFactsReader } from './serverFactsReader';
import type { RegionNames } from './regionNames';
import { describeArmFailure } from './armActionFailure';
import { errorMessage } from '../../machines/errorMessage';
import { groupShown, type ServerLocation } from '../../machines/connections/serverLocation';
import { classifyArmError } from '../azure/armErrors';

export interface DashboardSources {
  facts: Pick<ServerFactsReader, 'read'>;
  /**
   * After the server's GET said not found: where Azure has it now when it was moved, asked as the
   * Deployments view asks (so both say the same); undefined when it was not, or cannot be told.
   */
  whereMoved(server: FirewallTarget): Promise<ServerLocation | undefined>;
  regions: RegionNames;
  firewall: Pick<FirewallRules, 'list'>;
  /** The public address Azure sees this machine at; undefined when it cannot be told. */
  clientIp(): Promise<string | undefined>;
  manager: Pick<ConnectionManager, 'isConnected' | 'readLiveStats' | 'lastFailure'>;
  now(): number;
}

/**
 * Reads ARM, the firewall and the live connection side by side; any may fail without hiding the
 * others. The live part is read only over an open connection: the dashboard never connects on its
 * own, so a refused connection is not retried behind the user's back.
 */
export async function loadDashboardState(profile: ConnectionProfile, sources: DashboardSources): Promise<DashboardState> {
  const ref = azureServerRef(profile);
  const [arm, firewall, live] = await Promise.all([readArm(ref, sources), readFirewall(ref, sources), readLive(profile, sources.manager)]);
  return {
    profileId: profile.id,
    profileName: profile.profileName,
    server: profile.server,
    user: loginUser(profile),
    database: profile.database || 'postgres',
    arm,
    live,
    firewall: publicAccessDisabled(arm) ? { status: 'noPublicAccess' } : arm.status === 'moved' ? MOVED_FIREWALL : firewall,
    refreshedAt: sources.now(),
  };
}

// The rules were asked for where the server no longer is: that 404 would say nothing useful.
const MOVED_FIREWALL: FirewallState = {
  status: 'failed',
  message: l10n.t('The firewall rules are read where the saved connection points, and the server is no longer there.'),
  nextStep: l10n.t('Update Saved Connection (above), then its rules show here.'),
};

/**
 * Rules are still listed beside the server's read (they are kept while public access is off), but
 * none would admit anybody, so the dashboard offers none: no "Add my IP" that cannot help.
 */
function publicAccessDisabled(arm: ArmFactsState): boolean {
  return arm.status === 'loaded' && arm.facts.publicNetworkAccess === 'Disabled';
}

async function readArm(ref: FirewallTarget | undefined, sources: DashboardSources): Promise<ArmFactsState> {
  if (!ref) {
    return { status: 'notAzure' };
  }
  try {
    const facts = await sources.facts.read(ref);
    const locationDisplayName = facts.location ? await sources.regions.displayName(ref.subscriptionId, facts.location) : undefined;
    return { status: 'loaded', facts: locationDisplayName ? { ...facts, locationDisplayName } : facts };
  } catch (error) {
    const to = classifyArmError(error, 0).kind === 'notFound' ? await sources.whereMoved(ref).catch(() => undefined) : undefined;
    if (to) return { status: 'moved', to, message: movedMessage(ref, to) };
    return { status: 'failed', message: l10n.t("Could not read '{0}' from Azure: {1}", ref.serverName, errorMessage(error)) };
  }
}

function movedMessage(ref: FirewallTarget, to: ServerLocation): string {
  const was = { subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup };
  return l10n.t(
    "Azure has '{0}' in {1} now, no longer in {2} where this saved connection points: it was moved outside VS Code. The connection still works (the host name is the same); Update Saved Connection makes this dashboard and its firewall rules follow the move.",
    ref.serverName,
    groupShown(to, was),
    groupShown(was, to),
  );
}

async function readFirewall(ref: FirewallTarget | undefined, sources: DashboardSources): Promise<FirewallState> {
  if (!ref) {
    return { status: 'notAzure' };
  }
  const [rules, clientIp] = await Promise.all([
    sources.firewall.list(ref).catch((error: unknown) => describeArmFailure(error, l10n.t('Could not read the firewall rules'), ref.serverName)),
    // The address only decides whether "Add my IP" is worth offering: without it the rules still show.
    sources.clientIp().catch(() => undefined),
  ]);
  if (!Array.isArray(rules)) {
    return { status: 'failed', ...rules };
  }
  return clientIp ? { status: 'loaded', rules, clientIp } : { status: 'loaded', rules };
}

async function readLive(profile: ConnectionProfile, manager: DashboardSources['manager']): Promise<LiveState> {
  if (!manager.isConnected(profile.id)) {
    const failure = manager.lastFailure(profile.id);
    return failure ? { status: 'disconnected', reason: failure.reason, nextStep: failure.nextStep } : { status: 'disconnected' };
  }
  try {
    const stats = await manager.readLiveStats(profile.id);
    return { status: 'connected', ...stats };
  } catch (error) {
    const failure = error instanceof ConnectionFailure ? error : undefined;
    return {
      status: 'failed',
      reason: failure?.reason ?? l10n.t('Reading the server failed: {0}', errorMessage(error)),
      nextStep: failure?.nextStep ?? l10n.t('Refresh, or connect again from the Connections view.'),
    };
  }
}
