import type { DashboardHostMessage, DashboardNotice, DashboardState, ServerFacts } from '../../../machines/webview/dashboardMessages';
import type { FirewallRuleView } from '../../../machines/webview/firewallRules';
import { DashboardController } from '../../../src/dashboard/dashboardController';
import type { ConnectionFailure } from '../../../src/connections/connectionFailure';
import type { ConnectionProfile } from '../../../src/connections/connectionProfile';
import { clientFirewallRuleName } from '../../../machines/flexDeployment/networking';
import type { FirewallTarget } from '../../../src/connections/firewallRules';
import type { QueryOpened } from '../../../src/dashboard/dashboardWindow';
import type { ServerLocation } from '../../../machines/connections/serverLocation';
import { armRestError } from '../../support/armRestError';
import { recordingPortal } from '../../support/recordingPortal';
import { CONTOSO_PROFILE } from '../../support/connectionFakes';

export const profile: ConnectionProfile = { id: 'flex-stg-1', ...CONTOSO_PROFILE };

export const target: FirewallTarget = { tenantId: 'tenant-1', subscriptionId: 'sub-1', resourceGroup: 'rg-data', serverName: 'contoso' };

export const facts: ServerFacts = { resourceId: profile.azureResourceId!, state: 'Ready', version: '16', skuName: 'Standard_B1ms', location: 'westeurope', fqdn: profile.server };

export interface FakeOptions {
  connected?: boolean;
  failure?: ConnectionFailure;
  armFails?: boolean;
  /** The server's GET says ResourceNotFound; `whereMoved` answers this (undefined: not moved). */
  notFound?: { movedTo?: ServerLocation };
  /** Thrown by every firewall call (list, add, remove). */
  firewallError?: Error;
  /** Thrown by remove only, after the list read fine. */
  removeError?: Error;
  copyError?: Error;
  rules?: FirewallRuleView[];
  clientIp?: string;
  /** The answer to the remove confirmation. */
  confirms?: boolean;
  queryOpens?: QueryOpened;
  regionsFail?: boolean;
  /** ARM's `network.publicNetworkAccess` of the server read. */
  publicNetworkAccess?: string;
}

/** A controller on in-memory edges: ARM's server and rules, the connection, the window, the log. */
export function fakeDashboard(opts: FakeOptions = {}) {
  const posted: DashboardHostMessage[] = [];
  const warnings: string[] = [];
  const infos: string[] = [];
  const read: FirewallTarget[] = [];
  const copied: string[] = [];
  const questions: string[] = [];
  const queries: string[] = [];
  const removed: string[] = [];
  const disconnects: string[] = [];
  const connects: string[] = [];
  const located: FirewallTarget[] = [];
  const followed: [string, ServerLocation][] = [];
  const rules = new Map((opts.rules ?? []).map((r) => [r.name, r]));
  let connected = opts.connected ?? false;
  const { portal, opened } = recordingPortal();
  const firewallCall = () => {
    if (opts.firewallError) throw opts.firewallError;
  };
  const c = new DashboardController(profile.id, {
    store: { getProfile: (id) => (id === profile.id ? profile : undefined) },
    facts: {
      read: async (t) => {
        read.push(t);
        if (opts.armFails) throw new Error('AuthorizationFailed');
        if (opts.notFound) throw armRestError(404, 'ResourceNotFound', "The Resource 'Microsoft.DBforPostgreSQL/flexibleServers/contoso' under resource group 'rg-data' was not found.");
        return opts.publicNetworkAccess ? { ...facts, publicNetworkAccess: opts.publicNetworkAccess } : facts;
      },
    },
    regions: {
      displayName: async (_subscriptionId, location) => (opts.regionsFail ? undefined : location === 'westeurope' ? 'West Europe' : undefined),
    },
    firewall: {
      list: async () => {
        firewallCall();
        return [...rules.values()];
      },
      allowClientIp: async (_t, ip) => {
        firewallCall();
        rules.set(clientFirewallRuleName(ip), { name: clientFirewallRuleName(ip), startIpAddress: ip, endIpAddress: ip });
      },
      remove: async (_t, name) => {
        firewallCall();
        if (opts.removeError) throw opts.removeError;
        removed.push(name);
        rules.delete(name);
      },
    },
    clientIp: async () => opts.clientIp,
    manager: {
      isConnected: () => connected,
      lastFailure: () => (connected ? undefined : opts.failure),
      readLiveStats: async () => ({ serverVersion: '16.4', databases: [{ name: 'postgres', sizeBytes: 8_000_000 }], activeConnections: 3 }),
      disconnect: async (id) => {
        disconnects.push(id);
        connected = false;
      },
    },
    connect: async (id) => {
      connects.push(id);
      connected = true;
      return { connected: true };
    },
    portal,
    whereMoved: async (t) => {
      located.push(t);
      return opts.notFound?.movedTo;
    },
    followMove: async (p, to) => void followed.push([p.id, to]),
    window: {
      copyToClipboard: async (text) => {
        if (opts.copyError) throw opts.copyError;
        copied.push(text);
      },
      confirm: async (question) => {
        questions.push(question);
        return opts.confirms ?? true;
      },
      openQuery: async (p) => {
        queries.push(p.id);
        return opts.queryOpens ?? 'terminal';
      },
    },
    now: () => 1_700_000_000_000,
    post: (m) => posted.push(m),
    info: (m) => infos.push(m),
    warn: (m) => warnings.push(m),
  });
  return { c, posted, warnings, infos, read, connects, disconnects, opened, copied, questions, queries, removed, rules, located, followed };
}

export const states = (posted: DashboardHostMessage[]): DashboardState[] => posted.flatMap((m) => (m.type === 'dashboard.state' ? [m.state] : []));
export const notices = (posted: DashboardHostMessage[]): DashboardNotice[] => posted.flatMap((m) => (m.type === 'dashboard.notice' ? [m.notice] : []));
