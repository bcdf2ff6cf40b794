import type { DeploymentRun } from './deployments/deploymentRun';
import type { FlexServer } from './flexibleServers/flexServer';
import { ProviderRegistrations } from './providers/providerRegistrations';
import { SEEDED_RESOURCE_GROUPS } from './subscriptions/seed';
import type { ListOrder, ResourceDurations, SandboxPolicy, ScriptedOutcome } from './types';

/** A server's key in `SandboxState.servers`: Azure compares server names without regard to case. */
export function serverKey(name: string): string {
  return name.toLowerCase();
}

export interface ResourceGroupRecord {
  subscriptionId: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
}

/** Realistic durations in seconds (recorded traffic: a server about 4 minutes, a firewall rule about 1). */
export const DEFAULT_DURATIONS: ResourceDurations = {
  flexibleServers: 240,
  firewallRules: 60,
  administrators: 45,
  databases: 30,
};

/** A long-running operation: InProgress from its start until `doneAt` (both wall-clock ms). */
export interface PendingOperation {
  startedAt: number;
  doneAt: number;
}

/** Everything the sandbox remembers; lost when it stops, like a fresh subscription. */
export class SandboxState {
  readonly resourceGroups = new Map<string, ResourceGroupRecord>();
  readonly deployments = new Map<string, DeploymentRun>();
  /** Server names are global in Azure, so servers are keyed by name alone (serverKey). */
  readonly servers = new Map<string, FlexServer>();
  readonly outcomes = new Map<string, ScriptedOutcome>();
  readonly registrations = new ProviderRegistrations();
  durations: ResourceDurations = { ...DEFAULT_DURATIONS };
  speed: number;
  listOrder: ListOrder = 'newestFirst';
  /** Azure Policy in force in every subscription (none at the start). */
  policy: SandboxPolicy = { denyPublicServers: false };
  /** vCore limits by quotaKey; none at the start, so nothing is limited unless a test asks. */
  readonly quotas = new Map<string, number>();
  /** Compute sizes a location does not give a subscription, by skuRestrictionKey: whether its capabilities still list each. */
  readonly skuRestrictions = new Map<string, { listed: boolean }>();
  /** The flexible-server provider's long-running operations (a rule's PUT or DELETE, a server's DELETE) by the id their polling URLs carry. */
  readonly providerOperations = new Map<string, PendingOperation>();
  /** ARM's operations on resource groups (a deletion, a move of resources) by the id their polling URL carries: when each is done. */
  readonly groupOperations = new Map<string, number>();
  /**
   * Server names held outside the sandbox's subscriptions (another tenant's servers): a deployment
   * scripted to fail with ServerNameAlreadyExists reveals one, and from then on the name check says
   * it is taken and a deployment of it is refused, as Azure does.
   */
  readonly namesTakenElsewhere = new Set<string>();

  constructor(private readonly initialSpeed: number) {
    this.speed = initialSpeed;
    this.reset();
  }

  reset(): void {
    this.speed = this.initialSpeed;
    this.resourceGroups.clear();
    this.deployments.clear();
    this.servers.clear();
    this.outcomes.clear();
    this.registrations.reset();
    this.durations = { ...DEFAULT_DURATIONS };
    this.listOrder = 'newestFirst';
    this.policy = { denyPublicServers: false };
    this.quotas.clear();
    this.skuRestrictions.clear();
    this.providerOperations.clear();
    this.groupOperations.clear();
    this.namesTakenElsewhere.clear();
    for (const rg of SEEDED_RESOURCE_GROUPS) this.resourceGroups.set(groupKey(rg.subscriptionId, rg.name), { ...rg });
  }

  resourceGroup(subscriptionId: string, name: string): ResourceGroupRecord | undefined {
    return this.resourceGroups.get(groupKey(subscriptionId, name));
  }
}

export function groupKey(subscriptionId: string, resourceGroup: string): string {
  return `${subscriptionId}/${resourceGroup}`.toLowerCase();
}

/** A quota is per subscription and location; Azure writes a location in any case, with or without spaces. */
export function quotaKey(subscriptionId: string, location: string): string {
  return `${subscriptionId}/${location.replace(/\s+/g, '')}`.toLowerCase();
}

/** A size restriction is per subscription and location, like a quota; Azure's size names are case-insensitive. */
export function skuRestrictionKey(subscriptionId: string, location: string, skuName: string): string {
  return `${quotaKey(subscriptionId, location)}/${skuName.toLowerCase()}`;
}

export function deploymentKey(subscriptionId: string, resourceGroup: string, name: string): string {
  return `${groupKey(subscriptionId, resourceGroup)}/${name.toLowerCase()}`;
}
