import * as z from 'zod';
import type { ServerLocation } from '../connections/serverLocation';
import type { AuthenticationMode } from '../flexDeployment/retryableRequest';
import type { FirewallRuleView } from './firewallRules';

/**
 * The server dashboard's messages and the state it renders. Webview → host messages have zod
 * schemas (the host validates every one); the state is plain JSON with no password in it.
 */

export const dashboardWebviewMessageSchemas = [
  z.strictObject({ type: z.literal('dashboard.refresh') }),
  z.strictObject({ type: z.literal('dashboard.connect') }),
  z.strictObject({ type: z.literal('dashboard.disconnect') }),
  z.strictObject({ type: z.literal('dashboard.newQuery') }),
  z.strictObject({ type: z.literal('dashboard.copyConnectionString') }),
  z.strictObject({ type: z.literal('dashboard.openInPortal') }),
  // Where to is the host's to say (where Azure last said the server is), never the webview's.
  z.strictObject({ type: z.literal('dashboard.followMove') }),
  // The address is not the webview's to say: the host asks Azure's view of it when the user asks.
  z.strictObject({ type: z.literal('dashboard.addClientIpRule') }),
  // Bounded, not patterned: a name ARM would refuse gets its reason shown, not a silent drop. The
  // host removes only a rule it listed, and only after the user confirms.
  z.strictObject({ type: z.literal('dashboard.removeFirewallRule'), ruleName: z.string().min(1).max(200) }),
] as const;

/** The server as ARM describes it. */
export interface ServerFacts {
  resourceId: string;
  state?: string;
  version?: string;
  minorVersion?: string;
  skuName?: string;
  tier?: string;
  location?: string;
  storageSizeGB?: number;
  /** The region's display name ("West Europe"), when ARM's location list names it. */
  locationDisplayName?: string;
  fqdn?: string;
  authentication?: AuthenticationMode;
  /** ARM's `network.publicNetworkAccess`: 'Disabled' means no address outside the server's network may connect. */
  publicNetworkAccess?: string;
  /** ISO 8601. */
  createdAt?: string;
}

export type ArmFactsState =
  | { status: 'loaded'; facts: ServerFacts }
  | { status: 'failed'; message: string }
  /** Not where the saved connection says: Azure has it at `to` now (Update Saved Connection follows it). */
  | { status: 'moved'; message: string; to: ServerLocation }
  /** A profile without Azure ids: nothing to ask ARM. */
  | { status: 'notAzure' };

export interface DatabaseSize {
  name: string;
  /** Absent when the signed-in role may not connect to the database. */
  sizeBytes?: number;
}

export type LiveState =
  | { status: 'connected'; serverVersion: string; databases: DatabaseSize[]; activeConnections: number }
  /** Not connected; the last failure's reason and next step when there was one. */
  | { status: 'disconnected'; reason?: string; nextStep?: string }
  | { status: 'failed'; reason: string; nextStep: string };

export type FirewallState =
  /** `clientIp`: the address Azure sees this machine at, when it could be told. */
  | { status: 'loaded'; rules: FirewallRuleView[]; clientIp?: string }
  | { status: 'failed'; message: string; nextStep: string }
  /** Public access is disabled: firewall rules admit nobody, so none are offered. */
  | { status: 'noPublicAccess' }
  | { status: 'notAzure' };

/** What an action came to: shown in the dashboard until the next action. */
export interface DashboardNotice {
  kind: 'info' | 'error';
  message: string;
  nextStep?: string;
  /** Text to show as code, e.g. the connection string just copied (never a password). */
  code?: string;
}

export interface DashboardState {
  /** The connection profile shown: what brings the dashboard back after a reload. */
  profileId: string;
  profileName: string;
  server: string;
  user: string;
  database: string;
  arm: ArmFactsState;
  live: LiveState;
  firewall: FirewallState;
  /** Epoch ms of the read. */
  refreshedAt: number;
}

export type DashboardHostMessage =
  | { type: 'dashboard.state'; state: DashboardState }
  /** Busy until the next state; `activity` says with what when it takes a while (a firewall change). */
  | { type: 'dashboard.loading'; activity?: string }
  | { type: 'dashboard.notice'; notice: DashboardNotice };
