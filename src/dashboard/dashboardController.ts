import * as l10n from '../../machines/l10n';
import type { DashboardHostMessage, DashboardNotice, DashboardState } from '../../machines/webview/dashboardMessages';
import { parseWebviewMessage, type WebviewMessage } from '../../machines/webview/protocol';
import type { AzurePortal } from '../azure/azurePortal';
import { azureServerRef } from '../connections/azureServerRef';
import type { ConnectionManager } from '../connections/connectionManager';
import { usesPassword, type ConnectionProfile } from '../connections/connectionProfile';
import { profileConnectionString } from '../connections/connectionString';
import type { ConnectionStore } from '../connections/connectionStore';
import type { ConnectOutcome } from '../connections/connectFlow';
import type { FirewallRules } from '../connections/firewallRules';
import { errorMessage } from '../../machines/errorMessage';
import type { ServerLocation } from '../../machines/connections/serverLocation';
import type { DashboardWindow, QueryOpened } from './dashboardWindow';
import { addClientIpRule, removeFirewallRule } from './firewallActions';
import { loadDashboardState, type DashboardSources } from './loadDashboardState';

export interface DashboardControllerDeps extends DashboardSources {
  store: Pick<ConnectionStore, 'getProfile'>;
  manager: DashboardSources['manager'] & Pick<ConnectionManager, 'disconnect'>;
  firewall: Pick<FirewallRules, 'list' | 'allowClientIp' | 'remove'>;
  connect(profileId: string): Promise<ConnectOutcome>;
  portal: Pick<AzurePortal, 'openServer'>;
  /** Points the saved connection where Azure has its server now (Update Saved Connection). */
  followMove(profile: ConnectionProfile, to: ServerLocation): Promise<void>;
  window: DashboardWindow;
  post(message: DashboardHostMessage): void;
  /** A change made to the server, for the log. */
  info(message: string): void;
  /** A message the host refused, or the profile is gone; for the log. */
  warn(message: string): void;
}

type DashboardMessage = Extract<WebviewMessage, { type: `dashboard.${string}` }>;

function isDashboardMessage(message: WebviewMessage): message is DashboardMessage {
  return message.type.startsWith('dashboard.');
}

/** What an action came to for the user, and whether the dashboard must be read again after it. */
interface Outcome {
  notice?: DashboardNotice;
  reread: boolean;
}

/** One dashboard's host side, without VS Code: what each webview message does. */
export class DashboardController {
  /** What the webview was last shown: a rule is removed only if it was listed there. */
  private shown: DashboardState | undefined;

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
    const message = parsed.message;
    if (message.type === 'ready') {
      return this.refresh();
    }
    if (!isDashboardMessage(message)) {
      this.deps.warn(`Dashboard: ignored a '${message.type}' message meant for another view.`);
      return;
    }
    const profile = this.deps.store.getProfile(this.profileId);
    if (!profile) {
      this.deps.warn(`Dashboard: the connection '${this.profileId}' was removed.`);
      return;
    }
    // An action that throws is told in the dashboard, never left to the log alone; the read after
    // it ends whatever busy state the action had shown.
    const outcome = await this.act(message, profile).catch(
      (error: unknown): Outcome => ({ notice: { kind: 'error', message: l10n.t('That did not work: {0}', errorMessage(error)), nextStep: l10n.t('Refresh, then try again.') }, reread: true }),
    );
    if (outcome.notice) this.deps.post({ type: 'dashboard.notice', notice: outcome.notice });
    if (outcome.reread) await this.refresh();
  }

  private async act(message: DashboardMessage, profile: ConnectionProfile): Promise<Outcome> {
    switch (message.type) {
      case 'dashboard.refresh':
        return { reread: true };
      case 'dashboard.connect':
        this.deps.post({ type: 'dashboard.loading' });
        await this.deps.connect(this.profileId);
        return { reread: true };
      case 'dashboard.disconnect':
        await this.deps.manager.disconnect(this.profileId);
        return { reread: true };
      case 'dashboard.copyConnectionString':
        return { notice: await this.copyConnectionString(profile), reread: false };
      case 'dashboard.newQuery':
        return { notice: queryNotice(profile, await this.deps.window.openQuery(profile)), reread: false };
      case 'dashboard.openInPortal':
        await this.openInPortal(profile);
        return { reread: false };
      case 'dashboard.addClientIpRule':
      case 'dashboard.removeFirewallRule':
        return this.changeFirewall(message, profile);
      case 'dashboard.followMove':
        return this.followMove(profile);
    }
  }

  private async followMove(profile: ConnectionProfile): Promise<Outcome> {
    if (this.shown?.arm.status !== 'moved') {
      return { notice: { kind: 'error', message: l10n.t("Azure did not say that '{0}' moved.", profile.profileName), nextStep: l10n.t('Refresh to ask again.') }, reread: true };
    }
    await this.deps.followMove(profile, this.shown.arm.to);
    return { reread: true };
  }

  private async copyConnectionString(profile: ConnectionProfile): Promise<DashboardNotice> {
    const connectionString = profileConnectionString(profile);
    await this.deps.window.copyToClipboard(connectionString);
    return { kind: 'info', message: l10n.t('Copied the connection string to the clipboard (no password in it):'), code: connectionString };
  }

  private async openInPortal(profile: ConnectionProfile): Promise<void> {
    const server = azureServerRef(profile);
    if (!server) {
      this.deps.warn(`Dashboard: the connection '${this.profileId}' names no Azure server to open in the portal.`);
      return;
    }
    await this.deps.portal.openServer({ tenantId: server.tenantId, subscriptionId: server.subscriptionId, resourceGroupName: server.resourceGroup, serverName: server.serverName });
  }

  private async changeFirewall(
    message: Extract<DashboardMessage, { type: 'dashboard.addClientIpRule' | 'dashboard.removeFirewallRule' }>,
    profile: ConnectionProfile,
  ): Promise<Outcome> {
    const target = azureServerRef(profile);
    if (!target) {
      this.deps.warn(`Dashboard: the connection '${this.profileId}' names no Azure server, so it has no firewall rules to change.`);
      return { reread: false };
    }
    if (message.type === 'dashboard.addClientIpRule') {
      if (this.shown?.firewall.status === 'noPublicAccess') {
        return { notice: noPublicAccessNotice(target.serverName), reread: true };
      }
      return { notice: await addClientIpRule(target, this.deps), reread: true };
    }
    const listed = this.shown?.firewall.status === 'loaded' ? this.shown.firewall.rules : [];
    const notice = await removeFirewallRule(target, { ruleName: message.ruleName, listed }, this.deps);
    // Not confirmed: nothing changed, nothing to read again.
    return notice ? { notice, reread: true } : { reread: false };
  }

  async refresh(): Promise<void> {
    const profile = this.deps.store.getProfile(this.profileId);
    if (!profile) {
      this.deps.warn(`Dashboard: the connection '${this.profileId}' was removed.`);
      return;
    }
    this.deps.post({ type: 'dashboard.loading' });
    this.shown = await loadDashboardState(profile, this.deps);
    this.deps.post({ type: 'dashboard.state', state: this.shown });
  }
}

// The webview offers no "Add my IP" then; this answers one posted by an older page, or a wrong one.
function noPublicAccessNotice(serverName: string): DashboardNotice {
  return {
    kind: 'error',
    message: l10n.t("'{0}' has no public access: a firewall rule would admit nobody.", serverName),
    nextStep: l10n.t('Enable public access in the Azure Portal (Networking), then add your IP.'),
  };
}

function queryNotice(profile: ConnectionProfile, opened: QueryOpened): DashboardNotice {
  if (opened === 'editor') {
    return { kind: 'info', message: l10n.t('Opened a new SQL editor.'), nextStep: l10n.t("Connect it to '{0}' with the PostgreSQL extension, then run your query.", profile.profileName) };
  }
  return {
    kind: 'info',
    message: l10n.t('Opened psql in a terminal for {0}.', profile.server),
    nextStep: usesPassword(profile)
      ? l10n.t('psql asks for the password there.')
      : l10n.t('psql asks for a password there: paste a Microsoft Entra access token (az account get-access-token --resource-type oss-rdbms --query accessToken -o tsv).'),
  };
}
