import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunDirs } from '../harness/runDirs';

/** A saved connection profile as the extension writes it to the `pgsql.connections` user setting. */
export interface SavedConnection {
  id?: string;
  profileName?: string;
  server?: string;
  user?: string;
  authenticationType?: string;
  savePassword?: boolean;
  azureResourceId?: string;
  [key: string]: unknown;
}

/** The profiles in the run's User/settings.json (code-server keeps user settings on the server's disk). */
export function savedConnections(dirs: RunDirs): SavedConnection[] {
  const settings = JSON.parse(readFileSync(join(dirs.userData, 'User/settings.json'), 'utf8')) as Record<string, unknown>;
  const connections = settings['pgsql.connections'];
  return Array.isArray(connections) ? (connections as SavedConnection[]) : [];
}

export function fqdn(serverName: string): string {
  return `${serverName}.postgres.database.azure.com`;
}
