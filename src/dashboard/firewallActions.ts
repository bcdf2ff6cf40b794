import * as l10n from '../../machines/l10n';
import type { DashboardHostMessage, DashboardNotice } from '../../machines/webview/dashboardMessages';
import type { FirewallRuleView } from '../../machines/webview/firewallRules';
import { clientFirewallRuleName } from '../../machines/flexDeployment/networking';
import type { FirewallRules, FirewallTarget } from '../connections/firewallRules';
import { describeArmFailure } from './armActionFailure';
import type { DashboardWindow } from './dashboardWindow';

/** The confirmation's button: nothing is removed unless the user picks it. */
export const REMOVE_RULE = l10n.t('Remove Rule');

export interface FirewallActionDeps {
  firewall: Pick<FirewallRules, 'allowClientIp' | 'remove'>;
  clientIp(): Promise<string | undefined>;
  window: Pick<DashboardWindow, 'confirm'>;
  post(message: DashboardHostMessage): void;
  /** A change made to the server, for the log. */
  info(message: string): void;
}

/**
 * "Add my IP": a rule for the address Azure sees this machine at, asked for now (the network may
 * have changed since the dashboard was drawn), named as the connect flow names it so the two
 * never add the same address twice.
 */
export async function addClientIpRule(target: FirewallTarget, deps: FirewallActionDeps): Promise<DashboardNotice> {
  const ip = await deps.clientIp().catch(() => undefined);
  if (!ip) {
    return {
      kind: 'error',
      message: l10n.t('Could not tell the public IP address Azure sees this machine at.'),
      nextStep: l10n.t('Check the network connection and try again, or add the rule in the Azure Portal.'),
    };
  }
  const ruleName = clientFirewallRuleName(ip);
  deps.post({ type: 'dashboard.loading', activity: l10n.t("Adding the firewall rule '{0}' for {1}…", ruleName, ip) });
  try {
    await deps.firewall.allowClientIp(target, ip);
  } catch (error) {
    return { kind: 'error', ...describeArmFailure(error, l10n.t('Could not add a firewall rule for {0}', ip), target.serverName) };
  }
  deps.info(`Dashboard: added the firewall rule '${ruleName}' (${ip}) to '${target.serverName}'.`);
  return { kind: 'info', message: l10n.t("Added the firewall rule '{0}': connections from {1} are allowed.", ruleName, ip) };
}

/**
 * Removes a rule the dashboard listed, once the user confirms; undefined when they did not. A name
 * the last list did not hold is refused: the webview may show an older list, or be wrong.
 */
export async function removeFirewallRule(
  target: FirewallTarget,
  request: { ruleName: string; listed: readonly FirewallRuleView[] },
  deps: FirewallActionDeps,
): Promise<DashboardNotice | undefined> {
  const rule = request.listed.find((r) => r.name === request.ruleName);
  if (!rule) {
    return { kind: 'error', message: l10n.t("'{0}' has no firewall rule '{1}' in the list shown.", target.serverName, request.ruleName), nextStep: l10n.t('Refresh to see its rules as Azure has them now.') };
  }
  const range = rule.startIpAddress === rule.endIpAddress ? rule.startIpAddress : l10n.t('{0} to {1}', rule.startIpAddress, rule.endIpAddress);
  const confirmed = await deps.window.confirm(
    l10n.t("Remove the firewall rule '{0}' from '{1}'?", rule.name, target.serverName),
    l10n.t('Connections from {0} will be refused unless another rule allows them.', range),
    REMOVE_RULE,
  );
  if (!confirmed) {
    return undefined;
  }
  deps.post({ type: 'dashboard.loading', activity: l10n.t("Removing the firewall rule '{0}'…", rule.name) });
  try {
    await deps.firewall.remove(target, rule.name);
  } catch (error) {
    return { kind: 'error', ...describeArmFailure(error, l10n.t("Could not remove the firewall rule '{0}'", rule.name), target.serverName) };
  }
  deps.info(`Dashboard: removed the firewall rule '${rule.name}' (${range}) from '${target.serverName}'.`);
  return { kind: 'info', message: l10n.t("Removed the firewall rule '{0}'.", rule.name) };
}
