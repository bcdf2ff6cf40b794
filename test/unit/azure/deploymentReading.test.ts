import { describe, expect, it } from 'vitest';
import { groupByResourceGroup } from '../../../src/azure/armDeploymentReader';
import { isoDurationMs, observeDeployment } from '../../../src/azure/deploymentObservation';
import type { DeploymentRef } from '../../../src/services/flexDeployment/deploymentRef';

const ref = (stagingId: string, subscriptionId: string, resourceGroupName: string, tenantId = 't1'): DeploymentRef => ({
  stagingId,
  tenantId,
  subscriptionId,
  resourceGroupName,
  deploymentName: `pgflex-${stagingId}`,
  createdAt: 0,
});

describe('groupByResourceGroup', () => {
  it('one group per tenant, subscription and resource group, names compared case-insensitively', () => {
    const groups = groupByResourceGroup([ref('a', 's1', 'rg-1'), ref('b', 's1', 'RG-1'), ref('c', 's1', 'rg-2'), ref('d', 's2', 'rg-1'), ref('e', 's1', 'rg-1', 't2')]);
    expect(groups.map((g) => [g.subscriptionId, g.resourceGroupName, g.refs.map((r) => r.stagingId)])).toEqual([
      ['s1', 'rg-1', ['a', 'b']],
      ['s1', 'rg-2', ['c']],
      ['s2', 'rg-1', ['d']],
      ['s1', 'rg-1', ['e']],
    ]);
  });

  it('names that run together differently are different groups', () => {
    // tenant 't' + subscription 's1' and tenant 'ts' + subscription '1' read alike run together
    const groups = groupByResourceGroup([ref('a', 's1', 'rg', 't'), ref('b', '1', 'rg', 'ts')]);
    expect(groups.map((g) => g.refs.map((r) => r.stagingId))).toEqual([['a'], ['b']]);
  });

  it('no refs, no groups', () => {
    expect(groupByResourceGroup([])).toEqual([]);
  });
});

describe('observeDeployment', () => {
  const serverId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg';

  it('non-terminal states are running, with the state kept', () => {
    for (const state of ['Accepted', 'Running', 'Creating', 'Updating', 'Ready', 'NotSpecified'] as const) {
      expect(observeDeployment({ properties: { provisioningState: state } })).toEqual({ kind: 'running', provisioningState: state });
    }
  });

  it('Succeeded: the server among outputResources (not a child), outputs flattened', () => {
    const observation = observeDeployment({
      properties: {
        provisioningState: 'Succeeded',
        outputResources: [{ id: `${serverId}/firewallRules/x` }, { id: serverId }],
        outputs: { serverResourceId: { type: 'String', value: serverId } },
      },
    });
    expect(observation).toEqual({ kind: 'succeeded', serverResourceId: serverId, outputs: { serverResourceId: serverId } });
  });

  it('Succeeded without the server anywhere → undefined (a GET must tell)', () => {
    expect(observeDeployment({ properties: { provisioningState: 'Succeeded' } })).toBeUndefined();
  });

  it('Failed: ARM’s error, innermost first; without one → undefined', () => {
    const observation = observeDeployment({
      properties: { provisioningState: 'Failed', error: { code: 'DeploymentFailed', message: 'outer', details: [{ code: 'QuotaExceeded', message: 'inner' }] } },
    });
    expect(observation).toMatchObject({ kind: 'failed', error: { code: 'QuotaExceeded', message: 'inner' } });
    expect(observeDeployment({ properties: { provisioningState: 'Failed' } })).toBeUndefined();
  });

  it('Canceled is terminal, and its own outcome: not a failure, whatever error ARM attached', () => {
    expect(observeDeployment({ name: 'd', properties: { provisioningState: 'Canceled' } })).toEqual({ kind: 'canceled' });
    expect(observeDeployment({ name: 'd', properties: { provisioningState: 'Canceled', error: { code: 'DeploymentCanceled', message: 'canceled' } } })).toEqual({ kind: 'canceled' });
  });
});

describe('ARM’s running time', () => {
  it.each([
    ['PT4M2.1234567S', 242_123],
    ['PT2H0.5S', 7_200_500],
    ['P1DT1H', 90_000_000],
    ['PT0S', 0],
  ])('%s is %d ms', (duration, ms) => {
    expect(isoDurationMs(duration)).toBe(ms);
  });

  it.each([undefined, '', 'P', 'PT', '4 minutes', 'PT-1S', 'P1W'])('%o is no duration', (duration) => {
    expect(isoDurationMs(duration)).toBeUndefined();
  });

  it('a running deployment reports how long ARM says it has run', () => {
    expect(observeDeployment({ name: 'd', properties: { provisioningState: 'Running', duration: 'PT2H1M' } })).toEqual({
      kind: 'running',
      provisioningState: 'Running',
      durationMs: 7_260_000,
    });
    expect(observeDeployment({ name: 'd', properties: { provisioningState: 'Accepted' } })).toEqual({ kind: 'running', provisioningState: 'Accepted' });
  });
});
