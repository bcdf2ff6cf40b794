import { randomUUID } from 'node:crypto';
import type { DeploymentRun, Step } from './deploymentRun';
import type { DeploymentPlan } from './template';
import { providerError } from './failures';

/** ISO 8601 duration as ARM writes it, e.g. PT4M2.1234567S. */
export function isoDuration(ms: number): string {
  const totalSeconds = Math.max(0, ms) / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds - hours * 3600 - minutes * 60;
  const secondsText = Number(seconds.toFixed(7)).toString();
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${secondsText}S`;
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** The deployment as GET / list / PUT return it (fields from recorded traffic and the PUT example). */
export function toArmDeployment(run: DeploymentRun, now: number): Record<string, unknown> {
  const end = run.finishedAt ?? now;
  const succeeded = run.steps.filter((s) => s.state === 'Succeeded');
  return {
    id: run.id,
    name: run.name,
    type: 'Microsoft.Resources/deployments',
    properties: {
      templateHash: run.plan.templateHash,
      parameters: run.plan.parameters,
      mode: run.plan.mode,
      provisioningState: run.state,
      timestamp: isoTime(run.timestamp),
      duration: isoDuration(end - run.acceptedAt),
      correlationId: run.correlationId,
      providers: providersOf(run.plan),
      dependencies: dependenciesOf(run.plan),
      ...(run.state === 'Succeeded' ? { outputs: run.outputs ?? {}, outputResources: succeeded.map((s) => ({ id: s.resource.id })) } : {}),
      ...(run.error ? { error: run.error } : {}),
    },
  };
}

/**
 * Deployments_Validate's 200 (the official example's fields): the deployment as it would run, with
 * the resources validated. Nothing is kept: a GET of the name still answers 404.
 */
export function toValidateResult(groupId: string, name: string, plan: DeploymentPlan, now: number): Record<string, unknown> {
  return {
    id: `${groupId}/providers/Microsoft.Resources/deployments/${name}`,
    name,
    type: 'Microsoft.Resources/deployments',
    properties: {
      templateHash: plan.templateHash,
      parameters: plan.parameters,
      mode: plan.mode,
      provisioningState: 'Succeeded',
      timestamp: isoTime(now),
      duration: 'PT0.5S',
      correlationId: randomUUID(),
      providers: providersOf(plan),
      dependencies: dependenciesOf(plan),
      validatedResources: plan.resources.map((r) => ({ id: r.id })),
    },
  };
}

function providersOf(plan: DeploymentPlan): unknown[] {
  const byNamespace = new Map<string, Map<string, Set<string>>>();
  for (const r of plan.resources) {
    const [namespace, ...types] = r.type.split('/');
    const resourceTypes = byNamespace.get(namespace) ?? new Map<string, Set<string>>();
    const locations = resourceTypes.get(types.join('/')) ?? new Set<string>();
    if (r.location) locations.add(r.location);
    resourceTypes.set(types.join('/'), locations);
    byNamespace.set(namespace, resourceTypes);
  }
  return [...byNamespace].map(([namespace, types]) => ({
    namespace,
    resourceTypes: [...types].map(([resourceType, locations]) => ({ resourceType, locations: [...locations] })),
  }));
}

function dependenciesOf(plan: DeploymentPlan): unknown[] {
  return plan.resources
    .filter((r) => r.dependsOn.length > 0)
    .map((r) => ({
      dependsOn: r.dependsOn.map((dep) => {
        const target = plan.resources.find((o) => [o.id, o.name].some((k) => k.toLowerCase() === dep.toLowerCase()));
        return { id: target?.id ?? dep, resourceType: target?.type ?? '', resourceName: target?.name ?? dep };
      }),
      id: r.id,
      resourceType: r.type,
      resourceName: r.name,
    }));
}

const STATUS_CODE_OF_SUCCESS: Record<string, string> = { flexibleServers: 'Created' };

/** Deployment operations, newest first like ARM; only resources that have started appear. */
export function toArmOperations(run: DeploymentRun, now: number): Record<string, unknown>[] {
  const operations = run.steps.map((step) => toArmOperation(run, step, now));
  if (run.state === 'Succeeded' && run.finishedAt !== undefined) {
    operations.push({
      id: `${run.id}/operations/08584${run.statusId.slice(0, 13)}`,
      operationId: `08584${run.statusId.slice(0, 13)}`,
      properties: {
        provisioningOperation: 'EvaluateDeploymentOutput',
        provisioningState: 'Succeeded',
        timestamp: isoTime(run.finishedAt),
        duration: 'PT0.1S',
        trackingId: run.correlationId,
        statusCode: 'OK',
      },
    });
  }
  return operations.reverse();
}

function toArmOperation(run: DeploymentRun, step: Step, now: number): Record<string, unknown> {
  const done = step.state === 'Succeeded' || step.state === 'Failed';
  const end = done ? step.endsAt : now;
  const statusCode = step.state === 'Failed' ? step.failure?.statusCode : done ? (STATUS_CODE_OF_SUCCESS[step.resource.kind] ?? 'OK') : undefined;
  return {
    id: `${run.id}/operations/${step.operationId}`,
    operationId: step.operationId,
    properties: {
      provisioningOperation: 'Create',
      provisioningState: step.state,
      timestamp: isoTime(done ? step.endsAt : step.state === 'Running' ? step.runningAt : step.startedAt),
      duration: isoDuration(end - step.startedAt),
      trackingId: run.correlationId,
      serviceRequestId: step.operationId.toLowerCase(),
      ...(statusCode ? { statusCode } : {}),
      ...(step.state === 'Failed' && step.failure
        ? { statusMessage: { status: 'Failed', error: providerError(step.failure) } }
        : {}),
      targetResource: {
        id: step.resource.id,
        resourceType: step.resource.type,
        resourceName: step.resource.name,
        apiVersion: step.resource.apiVersion,
      },
    },
  };
}

/** The Azure-AsyncOperation status body. */
export function toOperationStatus(run: DeploymentRun): Record<string, unknown> {
  if (run.state === 'Accepted' || run.state === 'Running') return { status: 'Running' };
  if (run.state === 'Failed') return { status: 'Failed', error: run.error };
  return { status: run.state };
}
