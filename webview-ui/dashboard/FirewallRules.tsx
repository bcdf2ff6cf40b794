import * as l10n from '../../machines/l10n';
import { VscodeButton } from '../elements';
import type { FirewallState } from '../../machines/webview/dashboardMessages';
import { ruleAllowing } from '../../machines/webview/firewallRules';

export interface FirewallRulesProps {
  firewall: FirewallState;
  busy: boolean;
  onAddClientIp: () => void;
  onRemove: (ruleName: string) => void;
}

/**
 * The server's firewall rules as ARM lists them, with "Add my IP" and Remove (the host asks before
 * removing). Whether this machine may connect is said in words, from the address Azure sees.
 */
export function FirewallRules({ firewall, busy, onAddClientIp, onRemove }: FirewallRulesProps) {
  if (firewall.status === 'notAzure') {
    return null;
  }
  if (firewall.status === 'failed') {
    return (
      <section aria-label={l10n.t('Firewall rules')}>
        <h2>{l10n.t('Firewall rules')}</h2>
        <p role="alert">{`${firewall.message} ${firewall.nextStep}`}</p>
      </section>
    );
  }
  if (firewall.status === 'noPublicAccess') {
    return (
      <section aria-label={l10n.t('Firewall rules')}>
        <h2>{l10n.t('Firewall rules')}</h2>
        <p>
          {l10n.t(
            'Public access is disabled: the server takes connections only from inside its virtual network, and firewall rules admit nobody. Enable public access in the Azure Portal (Networking) to connect from elsewhere.',
          )}
        </p>
      </section>
    );
  }
  const { rules, clientIp } = firewall;
  const allowing = clientIp ? ruleAllowing(rules, clientIp) : undefined;
  return (
    <section aria-label={l10n.t('Firewall rules')}>
      <h2>{l10n.t('Firewall rules')}</h2>
      <p className="client-ip">
        {!clientIp
          ? l10n.t('Your public IP address could not be told; Add my IP asks for it again.')
          : allowing
            ? l10n.t("Your IP address as Azure sees it, {0}, is allowed by '{1}'.", clientIp, allowing.name)
            : l10n.t('Your IP address as Azure sees it, {0}, is not allowed by any rule.', clientIp)}
      </p>
      <VscodeButton disabled={busy || Boolean(allowing)} onClick={onAddClientIp}>
        {l10n.t('Add my IP')}
      </VscodeButton>
      {rules.length === 0 ? (
        <p>{l10n.t('No firewall rules: no address may connect.')}</p>
      ) : (
        <table className="firewall-rules">
          <thead>
            <tr>
              <th scope="col">{l10n.t('Rule')}</th>
              <th scope="col">{l10n.t('Start IP address')}</th>
              <th scope="col">{l10n.t('End IP address')}</th>
              <th scope="col">
                <span className="visually-hidden">{l10n.t('Actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.name}>
                <td>{rule.name}</td>
                <td>{rule.startIpAddress}</td>
                <td>{rule.endIpAddress}</td>
                <td>
                  <VscodeButton secondary disabled={busy} aria-label={l10n.t('Remove rule {0}', rule.name)} onClick={() => onRemove(rule.name)}>
                    {l10n.t('Remove')}
                  </VscodeButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
