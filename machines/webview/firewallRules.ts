import { ipv4Number } from '../flexDeployment/ipv4';

/** A server firewall rule as ARM lists it: connections from start through end (IPv4, inclusive) are let in. */
export interface FirewallRuleView {
  name: string;
  startIpAddress: string;
  endIpAddress: string;
}

/**
 * The first rule whose range holds the address, so the dashboard can say "your address is allowed"
 * instead of offering to add a rule that would change nothing. Undefined for an address that is not
 * IPv4 (Azure's rules are IPv4 only).
 */
export function ruleAllowing(rules: readonly FirewallRuleView[], ip: string): FirewallRuleView | undefined {
  const address = ipv4Number(ip);
  if (address === undefined) return undefined;
  return rules.find((rule) => {
    const start = ipv4Number(rule.startIpAddress);
    const end = ipv4Number(rule.endIpAddress);
    return start !== undefined && end !== undefined && start <= address && address <= end;
  });
}
