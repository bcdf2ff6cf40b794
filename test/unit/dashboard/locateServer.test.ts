import type { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import { describe, expect, it } from 'vitest';
import type { SubscriptionChoice } from '../../../machines/flexDeployment/catalog';
import { createArmServerFactsReader } from '../../../src/dashboard/armServerFactsReader';
import { armRestError } from '../../support/armRestError';

/** Where a server not found in its group is now: its own subscription first, then the tenant's others. */

const serverId = (subscriptionId: string, group: string, name: string) => `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${name}`;
const target = { tenantId: 't1', subscriptionId: 'home', resourceGroup: 'rg-data', serverName: 'contoso' };
const subscription = (subscriptionId: string, tenantId = 't1'): SubscriptionChoice => ({ subscriptionId, tenantId, displayName: `Name of ${subscriptionId}` });

/** Each subscription's server list (ids), or the error listing it throws; the subscriptions listed, in order. */
function reader(lists: Record<string, string[] | Error>) {
  const listed: string[] = [];
  const clientFor = async (_tenantId: string, subscriptionId: string) =>
    ({
      servers: {
        async *listBySubscription() {
          listed.push(subscriptionId);
          const list = lists[subscriptionId] ?? [];
          if (list instanceof Error) throw list;
          for (const id of list) yield { id, name: id.split('/').at(-1) };
        },
      },
    }) as unknown as PostgreSQLManagementFlexibleServerClient;
  return { listed, clientFor };
}

describe('locating a server that is not where it was', () => {
  it('in its own subscription: that group, no other subscription listed', async () => {
    const r = reader({ home: [serverId('home', 'rg-a', 'other'), serverId('home', 'rg-moved', 'CONTOSO')] });
    const subscriptions = async () => [subscription('away')];
    expect(await createArmServerFactsReader(r.clientFor, subscriptions).locate(target)).toEqual({ subscriptionId: 'home', resourceGroup: 'rg-moved' });
    expect(r.listed).toEqual(['home']);
  });

  it("in another of the tenant's subscriptions: that group, named; one that cannot be listed and one of another tenant are skipped", async () => {
    const r = reader({ locked: armRestError(403, 'AuthorizationFailed', 'no access'), foreign: [serverId('foreign', 'rg-x', 'contoso')], away: [serverId('away', 'rg-dev', 'contoso')] });
    const subscriptions = async () => [subscription('home'), subscription('foreign', 't2'), subscription('locked'), subscription('away')];
    expect(await createArmServerFactsReader(r.clientFor, subscriptions).locate(target)).toEqual({ subscriptionId: 'away', subscriptionName: 'Name of away', resourceGroup: 'rg-dev' });
    expect(r.listed).toEqual(['home', 'locked', 'away']);
  });

  it('nowhere: undefined; its own list or the subscription list unreadable: thrown, so nothing is concluded', async () => {
    const subscriptions = async () => [subscription('away')];
    expect(await createArmServerFactsReader(reader({}).clientFor, subscriptions).locate(target)).toBeUndefined();
    const throttled = armRestError(429, 'TooManyRequests', 'throttled');
    await expect(createArmServerFactsReader(reader({ home: throttled }).clientFor, subscriptions).locate(target)).rejects.toBe(throttled);
    await expect(createArmServerFactsReader(reader({}).clientFor, () => Promise.reject(throttled)).locate(target)).rejects.toBe(throttled);
  });
});
