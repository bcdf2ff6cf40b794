import { vCoresOf } from '../flexibleServers/capabilities';
import { quotaKey, serverKey, type SandboxState } from '../state';
import type { QuotaUse } from './failures';

/**
 * The vCore quota a new server would break, or undefined when there is no limit or it fits. Usage
 * is the servers that exist in the subscription and location (not those still being created);
 * a server deployed again over itself does not count twice. An HA standby is not counted.
 */
export function exceededQuota(state: SandboxState, server: { subscriptionId: string; location: string; name: string; skuName: string }): QuotaUse | undefined {
  const key = quotaKey(server.subscriptionId, server.location);
  const limit = state.quotas.get(key);
  if (limit === undefined) return undefined;
  let usage = 0;
  for (const existing of state.servers.values()) {
    if (serverKey(existing.name) === serverKey(server.name)) continue;
    if (quotaKey(existing.subscriptionId, existing.location) === key) usage += vCoresOf(existing.sku.name) ?? 0;
  }
  const required = vCoresOf(server.skuName) ?? 0;
  return usage + required > limit ? { limit, usage, required } : undefined;
}
