import * as l10n from '../l10n';
import * as z from 'zod';
import { ipv4Number } from './ipv4';

/**
 * How the server can be reached: public access, limited to the addresses its firewall rules allow,
 * or no public access at all. Private access through a virtual network is not offered: that needs
 * the subscription's VNets and subnets listed, which the sandbox cannot do as ARM does.
 */

export const NETWORK_ACCESS_MODES = ['Public', 'None'] as const;
export type NetworkAccess = (typeof NETWORK_ACCESS_MODES)[number];

/** The rule the provider reads as "allow Azure services": this name, and 0.0.0.0 as its whole range. */
export const ALLOW_AZURE_SERVICES_RULE = 'AllowAllAzureServicesAndResourcesWithinAzureIps';

/** One rule per client address, so adding it again after a failed connect is a no-op update. */
export function clientFirewallRuleName(clientIp: string): string {
  return `pgflex-client-${clientIp.replace(/[^0-9a-zA-Z]/g, '-')}`;
}

/**
 * The provider's rule for a flexible server's firewall rule names (the 2025-08-01 API as the SDK
 * and the Azure CLI check it: `^[a-zA-Z0-9][-_a-zA-Z0-9]{0,79}(?<!-)$`). The 1–128 characters
 * documented for single servers would let through names this provider refuses.
 */
const MAX_FIREWALL_RULE_NAME_LENGTH = 80;

const firewallRuleNameSchema = z
  .string()
  .min(1, l10n.t('A firewall rule needs a name.'))
  .max(MAX_FIREWALL_RULE_NAME_LENGTH, l10n.t('A firewall rule name must be at most {0} characters long.', MAX_FIREWALL_RULE_NAME_LENGTH))
  .regex(/^[-_a-zA-Z0-9]*$/, l10n.t('A firewall rule name can contain only letters, numbers, hyphens and underscores.'))
  .refine((v) => v === '' || /^[a-zA-Z0-9]/.test(v), { message: l10n.t('A firewall rule name must start with a letter or a number.') })
  .refine((v) => !v.endsWith('-'), { message: l10n.t('A firewall rule name cannot end with a hyphen.') });

/** A rule the user names: connections from start through end (inclusive) are let in. */
const firewallRangeSchema = z.strictObject({
  name: firewallRuleNameSchema,
  // zod's IPv4 format is ARM's FirewallRuleProperties pattern: four decimal octets, no leading zeros.
  startIpAddress: z.ipv4({ message: l10n.t('Start IP address must be an IPv4 address.') }),
  endIpAddress: z.ipv4({ message: l10n.t('End IP address must be an IPv4 address.') }),
});
export type FirewallRange = z.infer<typeof firewallRangeSchema>;

export const networkingShape = {
  /** Absent from requests and records written before the choice: they had public access. */
  networkAccess: z.enum(NETWORK_ACCESS_MODES, { message: l10n.t('Choose public access or no public access.') }).default('Public'),
  firewall: z.strictObject({
    allowAzureServices: z.boolean(),
    clientIp: z.ipv4({ message: l10n.t('Client IP must be an IPv4 address.') }).optional(),
    /** Absent from requests and records written before custom ranges: none. */
    ranges: z.array(firewallRangeSchema).default([]),
  }),
};

export type Networking = z.infer<z.ZodObject<typeof networkingShape>>;

/** The rules the two checkboxes add: Azure services, then the client's own address. */
function checkboxRules(firewall: Networking['firewall']): FirewallRange[] {
  const { allowAzureServices, clientIp } = firewall;
  return [
    ...(allowAzureServices ? [{ name: ALLOW_AZURE_SERVICES_RULE, startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }] : []),
    ...(clientIp ? [{ name: clientFirewallRuleName(clientIp), startIpAddress: clientIp, endIpAddress: clientIp }] : []),
  ];
}

/** Every firewall rule the server gets, in the order the template creates them: none without public access. */
export function firewallRulesOf(networking: Networking): FirewallRange[] {
  if (networking.networkAccess === 'None') return [];
  return [...checkboxRules(networking.firewall), ...networking.firewall.ranges];
}

/** The rules between the networking fields, which no single field's schema can see. */
export function checkNetworking(networking: Networking, ctx: z.RefinementCtx): void {
  const { firewall } = networking;
  if (networking.networkAccess === 'None' && (firewall.allowAzureServices || firewall.clientIp !== undefined || firewall.ranges.length > 0)) {
    ctx.addIssue({ code: 'custom', path: ['firewall'], message: l10n.t('Without public access the server takes no firewall rules.') });
  }
  // ARM's resource names are case-insensitive: two names differing in case are one rule.
  const checkboxNames = new Set(checkboxRules(firewall).map((rule) => rule.name.toLowerCase()));
  const seen = new Set<string>();
  firewall.ranges.forEach((range, index) => {
    const at = (field: keyof FirewallRange) => ['firewall', 'ranges', index, field];
    const key = range.name.toLowerCase();
    if (checkboxNames.has(key)) {
      ctx.addIssue({ code: 'custom', path: at('name'), message: l10n.t("Firewall rule '{0}' is one a checkbox above adds: rule names are compared without regard to case.", range.name) });
    } else if (key !== '' && seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: at('name'), message: l10n.t("Firewall rule '{0}' is already in the list: rule names are compared without regard to case.", range.name) });
    }
    seen.add(key);
    const start = addressOf(range.startIpAddress);
    const end = addressOf(range.endIpAddress);
    if (start !== undefined && end !== undefined && start > end) {
      ctx.addIssue({ code: 'custom', path: at('endIpAddress'), message: l10n.t('End IP address cannot come before the start IP address.') });
    }
  });
}

/** The address's value, only when its field takes it: an ill-formed address is named by its own rule, not ordered. */
function addressOf(ip: string): number | undefined {
  return z.ipv4().safeParse(ip).success ? ipv4Number(ip) : undefined;
}
