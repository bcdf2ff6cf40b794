import { z } from 'zod';

/**
 * The server dashboard's messages and the state it renders. Webview → host messages have zod
 * schemas (the host validates every one); the state is plain JSON with no password in it.
 */

export const dashboardWebviewMessageSchemas = [
  z.strictObject({ type: z.literal('dashboard.refresh') }),
  z.strictObject({ type: z.literal('dashboard.connect') }),
  z.strictObject({ type: z.literal('dashboard.openInPortal') }),
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
  fqdn?: string;
  /** e.g. "PostgreSQL and Microsoft Entra". */
  authentication?: string;
  /** ISO 8601. */
  createdAt?: string;
}

export type ArmFactsState =
  | { status: 'loaded'; facts: ServerFacts }
  | { status: 'failed'; message: string }
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

export interface DashboardState {
  /** The connection profile shown: what brings the dashboard back after a reload. */
  profileId: string;
  profileName: string;
  server: string;
  user: string;
  database: string;
  arm: ArmFactsState;
  live: LiveState;
  /** Epoch ms of the read. */
  refreshedAt: number;
}

export type DashboardHostMessage = { type: 'dashboard.state'; state: DashboardState } | { type: 'dashboard.loading' };
