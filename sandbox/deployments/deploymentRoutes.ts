import type { SandboxContext } from '../context';
import { deploymentKey, groupKey, type ResourceGroupRecord } from '../state';
import { findSubscription, SANDBOX_TENANT_ID } from '../subscriptions/seed';
import { armError, ok, type ArmResponse } from '../http/armResponse';
import { deploymentNotFound, invalidRequestContent } from '../http/armErrors';
import { isResponse } from '../http/guards';
import { findGroup } from '../resourceGroups/findGroup';
import { pageOf } from '../http/paging';
import type { RouteContext, Router } from '../http/router';
import { DeploymentRun } from './deploymentRun';
import { toArmDeployment, toArmOperations, toOperationStatus, toValidateResult } from './deploymentRepresentation';
import { preflight } from './preflight';
import { registerForDeployment } from '../providers/registrationGate';
import { planDeployment, TemplateValidationError, type DeploymentPlan } from './template';

const GROUP = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}';
const DEPLOYMENTS = `${GROUP}/providers/Microsoft.Resources/deployments`;
const DEPLOYMENT = `${DEPLOYMENTS}/{deploymentName}`;
const API_VERSION = '2025-04-01';

export function registerDeploymentRoutes(router: Router, sandbox: SandboxContext): void {
  /** The template planned against its group, then ARM's preflight: what PUT and validate both check. */
  const validatedPlan = (ctx: RouteContext, group: ResourceGroupRecord): DeploymentPlan | ArmResponse => {
    const { subscriptionId, deploymentName } = ctx.params;
    if (typeof ctx.body !== 'object' || ctx.body === null) return invalidRequestContent('The request content was invalid and could not be deserialized.');
    let plan;
    try {
      plan = planDeployment(ctx.body, {
        subscriptionId,
        tenantId: SANDBOX_TENANT_ID,
        subscriptionName: findSubscription(subscriptionId)?.displayName ?? '',
        resourceGroup: group.name,
        location: group.location,
      });
    } catch (error) {
      if (error instanceof TemplateValidationError) return armError(400, error.code, error.message);
      throw error;
    }
    const refused = preflight(deploymentName, plan.resources, { subscriptionId, ...sandbox.state.policy });
    return refused ? { status: 400, body: { error: refused } } : plan;
  };

  const find = (ctx: RouteContext): DeploymentRun | ArmResponse => {
    const { subscriptionId, resourceGroupName, deploymentName } = ctx.params;
    const group = findGroup(sandbox.state, subscriptionId, resourceGroupName);
    if (isResponse(group)) return group;
    sandbox.advanceAll();
    const run = sandbox.state.deployments.get(deploymentKey(subscriptionId, resourceGroupName, deploymentName));
    return run && !run.vanished ? run : deploymentNotFound(deploymentName);
  };

  router.add('PUT', DEPLOYMENT, 'deployments.put', (ctx) => {
    const { subscriptionId, resourceGroupName, deploymentName } = ctx.params;
    const group = findGroup(sandbox.state, subscriptionId, resourceGroupName);
    if (isResponse(group)) return group;
    sandbox.advanceAll();
    const key = deploymentKey(subscriptionId, resourceGroupName, deploymentName);
    const existing = sandbox.state.deployments.get(key);
    if (existing && !existing.vanished && !existing.isTerminal) {
      return armError(409, 'DeploymentActive', `The deployment '${deploymentName}' cannot be saved, because this would overwrite an existing deployment which is still active.`);
    }
    const plan = validatedPlan(ctx, group);
    if (isResponse(plan)) return plan;
    const refusal = registerForDeployment(sandbox, subscriptionId, plan.resources);
    const run = new DeploymentRun(subscriptionId, group.name, deploymentName, plan, sandbox.now(), sandbox.state.speed, refusal);
    sandbox.state.deployments.set(key, run);
    trimHistory(sandbox, subscriptionId, resourceGroupName);
    const operationBase = `${ctx.baseUrl}${run.id}`;
    return ok(toArmDeployment(run, sandbox.now()), existing ? 200 : 201, {
      'Azure-AsyncOperation': `${operationBase}/operationStatuses/${run.statusId}?api-version=${API_VERSION}`,
      Location: `${operationBase}/operationResults/${run.statusId}?api-version=${API_VERSION}`,
    });
  });

  // Deployments_Validate: the PUT's checks, and nothing kept. ARM answers a quick validation at once (200) and a refusal with 400.
  router.add('POST', `${DEPLOYMENT}/validate`, 'deployments.validate', (ctx) => {
    const { subscriptionId, resourceGroupName, deploymentName } = ctx.params;
    const group = findGroup(sandbox.state, subscriptionId, resourceGroupName);
    if (isResponse(group)) return group;
    const plan = validatedPlan(ctx, group);
    return isResponse(plan) ? plan : ok(toValidateResult(`/subscriptions/${subscriptionId}/resourceGroups/${group.name}`, deploymentName, plan, sandbox.now()));
  });

  router.add('GET', DEPLOYMENT, 'deployments.get', (ctx) => {
    const run = find(ctx);
    return isResponse(run) ? run : ok(toArmDeployment(run, sandbox.now()));
  });

  router.add('HEAD', DEPLOYMENT, 'deployments.checkExistence', (ctx) => {
    const run = find(ctx);
    return { status: isResponse(run) ? 404 : 204 };
  });

  router.add('GET', `${DEPLOYMENT}/operationStatuses/{statusId}`, 'deployments.status', (ctx) => {
    const run = find(ctx);
    return isResponse(run) ? run : ok(toOperationStatus(run));
  });

  router.add('GET', `${DEPLOYMENT}/operationResults/{statusId}`, 'deployments.result', (ctx) => {
    const run = find(ctx);
    if (isResponse(run)) return run;
    if (run.isTerminal) return ok(toArmDeployment(run, sandbox.now()));
    return { status: 202, headers: { Location: `${ctx.baseUrl}${run.id}/operationResults/${run.statusId}?api-version=${API_VERSION}`, 'Retry-After': '15' } };
  });

  router.add('POST', `${DEPLOYMENT}/cancel`, 'deployments.cancel', (ctx) => {
    const run = find(ctx);
    if (isResponse(run)) return run;
    if (run.isTerminal) {
      return armError(409, 'DeploymentCannotBeCancelled', `The deployment '${run.name}' cannot be cancelled because it is in a terminal state '${run.state}'.`);
    }
    run.cancel(sandbox.now());
    return { status: 204 };
  });

  router.add('GET', DEPLOYMENTS, 'deployments.list', (ctx) => {
    const { subscriptionId, resourceGroupName } = ctx.params;
    const group = findGroup(sandbox.state, subscriptionId, resourceGroupName);
    if (isResponse(group)) return group;
    sandbox.advanceAll();
    const filter = parseStateFilter(ctx.query.get('$filter'));
    if (filter instanceof Error) return armError(400, 'InvalidFilterInQueryString', filter.message);
    const prefix = `${groupKey(subscriptionId, resourceGroupName)}/`;
    const runs = [...sandbox.state.deployments]
      .filter(([key, run]) => key.startsWith(prefix) && !run.vanished)
      .map(([, run]) => run)
      .filter((run) => !filter || run.state.toLowerCase() === filter)
      .sort(sandbox.state.listOrder === 'newestFirst' ? (a, b) => b.acceptedAt - a.acceptedAt : (a, b) => arbitraryRank(a.name) - arbitraryRank(b.name))
      .map((run) => toArmDeployment(run, sandbox.now()));
    return ok(pageOf(runs, ctx, `/subscriptions/${subscriptionId}/resourcegroups/${resourceGroupName}/providers/Microsoft.Resources/deployments`));
  });

  const listOperations = (ctx: RouteContext): ArmResponse => {
    const run = find(ctx);
    if (isResponse(run)) return run;
    return ok(pageOf(toArmOperations(run, sandbox.now()), ctx, `${run.id}/operations`));
  };
  router.add('GET', `${GROUP}/deployments/{deploymentName}/operations`, 'operations.list', listOperations);
  router.add('GET', `${DEPLOYMENT}/operations`, 'operations.list', listOperations);

  const getOperation = (ctx: RouteContext): ArmResponse => {
    const run = find(ctx);
    if (isResponse(run)) return run;
    const operation = toArmOperations(run, sandbox.now()).find((o) => String(o.operationId).toLowerCase() === ctx.params.operationId.toLowerCase());
    return operation ? ok(operation) : armError(404, 'DeploymentOperationNotFound', `Deployment operation '${ctx.params.operationId}' could not be found.`);
  };
  router.add('GET', `${GROUP}/deployments/{deploymentName}/operations/{operationId}`, 'operations.get', getOperation);
  router.add('GET', `${DEPLOYMENT}/operations/{operationId}`, 'operations.get', getOperation);
}

/** ARM keeps at most 800 deployments per group: above 700 it deletes the oldest finished ones down to 600. */
const HISTORY_TRIGGER = 700;
const HISTORY_KEEP = 600;

function trimHistory(sandbox: SandboxContext, subscriptionId: string, resourceGroup: string): void {
  const prefix = `${groupKey(subscriptionId, resourceGroup)}/`;
  const inGroup = [...sandbox.state.deployments].filter(([key, run]) => key.startsWith(prefix) && !run.vanished);
  if (inGroup.length <= HISTORY_TRIGGER) return;
  const oldestFinished = inGroup.filter(([, run]) => run.isTerminal).sort(([, a], [, b]) => a.acceptedAt - b.acceptedAt);
  for (const [key] of oldestFinished.slice(0, inGroup.length - HISTORY_KEEP)) sandbox.state.deployments.delete(key);
}

/** A stable order unrelated to time or name order (FNV-1a of the name), so pages stay consistent. */
function arbitraryRank(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** Only `provisioningState eq '<state>'` is documented for this list. */
function parseStateFilter(filter: string | null): string | undefined | Error {
  if (!filter) return undefined;
  const m = /^\s*provisioningState\s+eq\s+'(\w+)'\s*$/i.exec(filter);
  return m ? m[1].toLowerCase() : new Error(`The filter '${filter}' is not supported. Supported: provisioningState eq '{state}'.`);
}
