import type { DashboardHostMessage } from '../../machines/webview/dashboardMessages';
import { parseWebviewMessage } from '../../machines/webview/protocol';
import type { AzurePortal } from '../azure/azurePortal';
import { azureServerRef } from '../connections/azureServerRef';
import type { ConnectionStore } from '../connections/connectionStore';
import type { ConnectOutcome } from '../connections/connectFlow';
import { loadDashboardState, type DashboardSources } from './loadDashboardState';

export interface DashboardControllerDeps extends DashboardSources {
  store: Pick<ConnectionStore, 'getProfile'>;
  connect(profileId: string): Promise<ConnectOutcome>;
  portal: Pick<AzurePortal, 'openServer'>;
  post(message: DashboardHostMessage): void;
  /** A message the host refused, or the profile is gone; for the log. */
  warn(message: string): void;
}

/** One dashboard's host side, without VS Code: what each webview message does. */
export class DashboardController {
  constructor(
    readonly profileId: string,
    private readonly deps: DashboardControllerDeps,
  ) {}

  async onMessage(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.deps.warn(`Dashboard: ignored a message: ${parsed.reason}`);
      return;
    }
    switch (parsed.message.type) {
      case 'ready':
      case 'dashboard.refresh':
        return this.refresh();
      case 'dashboard.connect':
        this.deps.post({ type: 'dashboard.loading' });
        await this.deps.connect(this.profileId);
        return this.refresh();
      case 'dashboard.openInPortal':
        return this.openInPortal();
      default:
        this.deps.warn(`Dashboard: ignored a '${parsed.message.type}' message meant for another view.`);
    }
  }

  private async openInPortal(): Promise<void> {
    const profile = this.deps.store.getProfile(this.profileId);
    const server = profile && azureServerRef(profile);
    if (!server) {
      this.deps.warn(`Dashboard: the connection '${this.profileId}' names no Azure server to open in the portal.`);
      return;
    }
    await this.deps.portal.openServer({ tenantId: server.tenantId, subscriptionId: server.subscriptionId, resourceGroupName: server.resourceGroup, serverName: server.serverName });
  }

  async refresh(): Promise<void> {
    const profile = this.deps.store.getProfile(this.profileId);
    if (!profile) {
      this.deps.warn(`Dashboard: the connection '${this.profileId}' was removed.`);
      return;
    }
    this.deps.post({ type: 'dashboard.loading' });
    this.deps.post({ type: 'dashboard.state', state: await loadDashboardState(profile, this.deps) });
  }
}
