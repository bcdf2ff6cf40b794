import type { PostgresBackend } from '../postgres/postgresBackend';
import type { FlexServer } from '../flexibleServers/flexServer';
import { serverKey, skuRestrictionKey } from '../state';
import { toArmServer } from '../flexibleServers/serverRepresentation';
import type { SandboxState } from '../state';
import type { ResourceDurations, ScriptedOutcome } from '../types';
import type { DeploymentRun, RunEnvironment, StepScript } from './deploymentRun';
import { quotaExceeded, resolveFailure, serverNameTaken, skuNotAvailable } from './failures';
import { exceededQuota } from './vCoreQuota';
import type { PlannedResource } from './template';
import { textOr } from '../http/text';

/** Seconds for resource types the sandbox does not know. */
const OTHER_RESOURCE_SECONDS = 10;
/** The provider refuses a taken name, or a size the location does not give, within seconds. */
const REFUSAL_SECONDS = 5;

/** Connects deployment runs to the scripted outcomes, the server store and the PostgreSQL backend. */
export function createRunEnvironment(state: SandboxState, postgres: PostgresBackend): RunEnvironment {
  return {
    speed: () => state.speed,
    scriptFor(run, resource) {
      const outcome = resource.serverName ? state.outcomes.get(serverKey(resource.serverName)) : undefined;
      const seconds = durationOf(resource, state.durations, outcome);
      const ctx = { serverName: resource.serverName ?? '', subscriptionId: run.subscriptionId, location: resource.location ?? '' };
      if (resource.kind === 'flexibleServers' && resource.serverName) {
        const existing = state.servers.get(serverKey(resource.serverName));
        const elsewhere = state.namesTakenElsewhere.has(serverKey(resource.serverName)) || (existing && groupOf(existing) !== `${run.subscriptionId}/${run.resourceGroup}`.toLowerCase());
        if (elsewhere) return { result: 'fail', seconds: REFUSAL_SECONDS, failure: serverNameTaken(ctx) };
        // Azure counts the quota whatever else was scripted for the server; it fails as a scripted QuotaExceeded does.
        const skuName = textOr(resource.sku?.name, '');
        if (state.skuRestrictions.has(skuRestrictionKey(run.subscriptionId, ctx.location, skuName))) {
          return { result: 'fail', seconds: REFUSAL_SECONDS, failure: skuNotAvailable(ctx, skuName) };
        }
        const quota = exceededQuota(state, { subscriptionId: run.subscriptionId, location: ctx.location, name: resource.serverName, skuName });
        if (quota) return { result: 'fail', seconds, failure: quotaExceeded({ ...ctx, quota }) };
      }
      const script = scriptOf(resource, outcome, seconds, ctx);
      if (outcome?.outcome === 'fail' && outcome.times !== undefined && script.result === 'fail' && resource.serverName) {
        state.outcomes.set(serverKey(resource.serverName), failedOnce(outcome, outcome.times));
      }
      // A scripted ServerNameAlreadyExists stands for a server of that name in another tenant: it stays taken.
      if (resource.kind === 'flexibleServers' && resource.serverName && script.result === 'fail' && script.failure.code === 'ServerNameAlreadyExists') {
        state.namesTakenElsewhere.add(serverKey(resource.serverName));
      }
      return script;
    },
    onSucceeded(run, resource, at) {
      if (!resource.serverName) return;
      if (resource.kind === 'flexibleServers') {
        createServer(state, postgres, run, resource, at);
        return;
      }
      const server = state.servers.get(serverKey(resource.serverName));
      if (!server) return;
      const childName = resource.name.split('/')[1] ?? '';
      if (resource.kind === 'firewallRules') server.firewallRules.set(childName, resource.properties);
      if (resource.kind === 'administrators') server.administrators.set(childName, resource.properties);
      if (resource.kind === 'databases') {
        server.databases.set(childName, resource.properties);
        postgres.createDatabase(server.name, childName);
      }
    },
    reference(run, idOrName) {
      const wanted = idOrName.toLowerCase();
      const resource = run.plan.resources.find((r) => r.id.toLowerCase() === wanted || r.name.toLowerCase() === wanted);
      if (resource?.kind === 'flexibleServers' && resource.serverName) {
        const server = state.servers.get(serverKey(resource.serverName));
        if (server) return toArmServer(server, Date.now()).properties;
      }
      return resource?.properties ?? {};
    },
  };
}

function scriptOf(
  resource: PlannedResource,
  outcome: ScriptedOutcome | undefined,
  seconds: number,
  ctx: { serverName: string; subscriptionId: string; location: string },
): StepScript {
  if (!outcome || outcome.outcome === 'succeed') return { result: 'succeed', seconds };
  if (outcome.outcome === 'fail') {
    const failing = outcome.resource ?? 'flexibleServers';
    return resource.kind === failing ? { result: 'fail', seconds, failure: resolveFailure(outcome.error, ctx) } : { result: 'succeed', seconds };
  }
  if (resource.kind !== 'flexibleServers') return { result: 'succeed', seconds };
  if (outcome.outcome === 'hang') return { result: 'hang' };
  return { result: 'vanish', seconds, keepServer: outcome.keepServer ?? false };
}

/** A failure scripted for the first N deployments, one of them spent: the rest fail, then they succeed. */
function failedOnce(outcome: Extract<ScriptedOutcome, { outcome: 'fail' }>, times: number): ScriptedOutcome {
  if (times > 1) return { ...outcome, times: times - 1 };
  return { outcome: 'succeed', ...(outcome.durations ? { durations: outcome.durations } : {}) };
}

function durationOf(resource: PlannedResource, durations: ResourceDurations, outcome: ScriptedOutcome | undefined): number {
  if (resource.kind === 'other') return OTHER_RESOURCE_SECONDS;
  const override = outcome && 'durations' in outcome ? outcome.durations?.[resource.kind] : undefined;
  return override ?? durations[resource.kind];
}

function createServer(state: SandboxState, postgres: PostgresBackend, run: DeploymentRun, resource: PlannedResource, at: number): void {
  const { administratorLoginPassword, ...properties } = resource.properties;
  const name = resource.serverName ?? resource.name;
  const previous = state.servers.get(serverKey(name));
  const sku = resource.sku ?? {};
  const server: FlexServer = {
    subscriptionId: run.subscriptionId,
    resourceGroup: run.resourceGroup,
    name,
    location: resource.location ?? '',
    createdAt: previous?.createdAt ?? at,
    sku: { name: textOr(sku.name, 'Standard_B2s'), tier: textOr(sku.tier, 'Burstable') },
    tags: resource.tags,
    properties,
    firewallRules: previous?.firewallRules ?? new Map<string, Record<string, unknown>>(),
    administrators: previous?.administrators ?? new Map<string, Record<string, unknown>>(),
    databases: previous?.databases ?? new Map<string, Record<string, unknown>>(),
  };
  state.servers.set(serverKey(name), server);
  const adminLogin = typeof properties.administratorLogin === 'string' ? properties.administratorLogin : undefined;
  postgres.provision({
    serverName: name,
    adminLogin,
    adminPassword: typeof administratorLoginPassword === 'string' ? administratorLoginPassword : undefined,
  });
  // The backend has the password now; the run keeps no copy of it.
  delete resource.properties.administratorLoginPassword;
}

function groupOf(server: FlexServer): string {
  return `${server.subscriptionId}/${server.resourceGroup}`.toLowerCase();
}
