import type { ArmFactsState, DashboardState, LiveState } from '../../machines/webview/dashboardMessages';
import type { ConnectionProfile } from '../connections/connectionProfile';
import type { ConnectionManager } from '../connections/connectionManager';
import { ConnectionFailure } from '../connections/connectionFailure';
import { azureServerRef } from '../connections/azureServerRef';
import type { ServerFactsReader } from './serverFactsReader';
import { errorMessage } from '../../machines/errorMessage';

export interface DashboardSources {
  facts: ServerFactsReader;
  manager: Pick<ConnectionManager, 'isConnected' | 'readLiveStats' | 'lastFailure'>;
  now(): number;
}

/**
 * Reads ARM and the live connection side by side; either may fail without hiding the other. The
 * live part is read only over an open connection: the dashboard never connects on its own, so a
 * refused connection is not retried behind the user's back.
 */
export async function loadDashboardState(profile: ConnectionProfile, sources: DashboardSources): Promise<DashboardState> {
  const [arm, live] = await Promise.all([readArm(profile, sources.facts), readLive(profile, sources.manager)]);
  return {
    profileId: profile.id,
    profileName: profile.profileName,
    server: profile.server,
    user: profile.authenticationType === 'AzureMFA' ? (profile.entraUserName ?? profile.user) : profile.user,
    database: profile.database || 'postgres',
    arm,
    live,
    refreshedAt: sources.now(),
  };
}

async function readArm(profile: ConnectionProfile, facts: ServerFactsReader): Promise<ArmFactsState> {
  const ref = azureServerRef(profile);
  if (!ref) {
    return { status: 'notAzure' };
  }
  try {
    return { status: 'loaded', facts: await facts.read(ref) };
  } catch (error) {
    return { status: 'failed', message: `Could not read '${ref.serverName}' from Azure: ${errorMessage(error)}` };
  }
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
      reason: failure?.reason ?? `Reading the server failed: ${errorMessage(error)}`,
      nextStep: failure?.nextStep ?? 'Refresh, or connect again from the Connections view.',
    };
  }
}
