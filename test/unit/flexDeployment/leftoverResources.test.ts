import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeploymentOperationView } from '../../../machines/flexDeployment/catalog';
import { FLEXIBLE_SERVER_TYPE, leftoverPlan, mayDeleteGroup, serverResourceId, type CreatedEvidence, type LeftoverDeployment } from '../../../machines/flexDeployment/leftoverResources';
import { deploymentContext } from '../../support/connectionFakes';

const deployment = (isNew: boolean, overrides: Partial<LeftoverDeployment> = {}): LeftoverDeployment => {
  const d = deploymentContext({ serverName: 'pg-left', resourceGroupName: 'rg-new', subscriptionId: 'sub-1', ...overrides });
  return { ...d, request: d.request && { ...d.request, resourceGroup: { name: d.resourceGroupName, isNew } } };
};

const serverCreated = (d: LeftoverDeployment, overrides: Partial<DeploymentOperationView> = {}): DeploymentOperationView => ({
  resourceType: FLEXIBLE_SERVER_TYPE,
  resourceName: d.serverName,
  resourceId: serverResourceId(d),
  provisioningOperation: 'Create',
  provisioningState: 'Succeeded',
  ...overrides,
});
const ops = (...operations: DeploymentOperationView[]): CreatedEvidence => ({ kind: 'operations', operations });

/** Operations as ARM could report them for this deployment or a neighbour: names, groups, types, states and cases vary. */
const operationArb = (d: LeftoverDeployment) =>
  fc.record({
    resourceType: fc.constantFrom(FLEXIBLE_SERVER_TYPE, FLEXIBLE_SERVER_TYPE.toLowerCase(), `${FLEXIBLE_SERVER_TYPE}/firewallRules`, 'Microsoft.Storage/storageAccounts'),
    resourceName: fc.constantFrom(d.serverName, 'pg-other', `${d.serverName}/AllowAll`),
    group: fc.constantFrom(d.resourceGroupName, d.resourceGroupName.toUpperCase(), 'rg-other'),
    subscription: fc.constantFrom(d.subscriptionId, 'sub-2'),
    withId: fc.boolean(),
    provisioningOperation: fc.option(fc.constantFrom('Create', 'Read', 'Action', 'EvaluateDeploymentOutput'), { nil: undefined }),
    provisioningState: fc.constantFrom('Succeeded', 'Failed', 'Running', 'Accepted', 'Canceled'),
  }).map(({ group, subscription, withId, ...op }): DeploymentOperationView => ({
    ...op,
    ...(withId ? { resourceId: `/subscriptions/${subscription}/resourceGroups/${group}/providers/${op.resourceType}/${op.resourceName}` } : {}),
  }));

describe('what a failed deployment left and may be deleted', () => {
  it('names the server its own Create operation made, when the server is still there', () => {
    const d = deployment(false);
    expect(leftoverPlan(d, ops(serverCreated(d)), true)).toEqual({ server: { name: 'pg-left', resourceGroupName: 'rg-new' } });
    expect(leftoverPlan(d, ops(serverCreated(d)), false)).toEqual({});
  });

  it('takes no failed, unfinished or other operation on the server as proof that the deployment created it', () => {
    const d = deployment(false);
    expect(leftoverPlan(d, ops(serverCreated(d, { provisioningState: 'Failed' })), true)).toEqual({});
    expect(leftoverPlan(d, ops(serverCreated(d, { provisioningOperation: 'Read' })), true)).toEqual({});
    expect(leftoverPlan(d, ops(serverCreated(d, { resourceId: serverResourceId({ ...d, resourceGroupName: 'rg-other' }) })), true)).toEqual({});
    expect(leftoverPlan(d, ops(), true)).toEqual({});
  });

  it('falls back to the server found by GET only when ARM no longer has the deployment', () => {
    expect(leftoverPlan(deployment(false), { kind: 'gone' }, true)).toEqual({ server: { name: 'pg-left', resourceGroupName: 'rg-new' } });
    expect(leftoverPlan(deployment(false), { kind: 'gone' }, false)).toEqual({});
  });

  it('offers the group only when Create made it, and deletes it only when it is empty', () => {
    const made = leftoverPlan(deployment(true), ops(), false);
    expect(made).toEqual({ createdGroup: 'rg-new' });
    expect(mayDeleteGroup(made, [])).toBe(true);
    expect(mayDeleteGroup(made, ['/subscriptions/sub-1/resourceGroups/rg-new/providers/Microsoft.Storage/storageAccounts/logs'])).toBe(false);
    const existing = leftoverPlan(deployment(false), ops(), false);
    expect(mayDeleteGroup(existing, [])).toBe(false);
    const migrated = leftoverPlan({ ...deployment(true), request: undefined }, ops(), false);
    expect(mayDeleteGroup(migrated, [])).toBe(false);
  });

  it('never includes a resource the deployment did not create, whatever ARM reports (property)', () => {
    const d0 = deployment(false);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(operationArb(d0), { maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.string(), { maxLength: 3 }),
        (isNew, operations, gone, serverExists, resources) => {
          const d = deployment(isNew);
          const evidence: CreatedEvidence = gone ? { kind: 'gone' } : { kind: 'operations', operations };
          const plan = leftoverPlan(d, evidence, serverExists);
          const proof = operations.some(
            (op) =>
              op.provisioningOperation === 'Create' &&
              op.provisioningState === 'Succeeded' &&
              op.resourceType.toLowerCase() === FLEXIBLE_SERVER_TYPE.toLowerCase() &&
              op.resourceId?.toLowerCase() === serverResourceId(d).toLowerCase(),
          );
          if (plan.server) {
            expect(serverExists).toBe(true);
            expect(gone || proof).toBe(true);
            // Only ever the deployment's own server, in its own group.
            expect(plan.server).toEqual({ name: d.serverName, resourceGroupName: d.resourceGroupName });
          } else {
            expect(serverExists && (gone || proof)).toBe(false);
          }
          expect(plan.createdGroup === undefined || (isNew && plan.createdGroup === d.resourceGroupName)).toBe(true);
          expect(mayDeleteGroup(plan, resources)).toBe(isNew && resources.length === 0);
          expect(Object.keys(plan).every((key) => key === 'server' || key === 'createdGroup')).toBe(true);
        },
      ),
    );
  });
});
