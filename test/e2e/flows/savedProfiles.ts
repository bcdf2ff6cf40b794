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

/**
 * The profiles in the run's User/settings.json (code-server keeps user settings on the server's
 * disk). VS Code rewrites that file in place: a read between its truncation and its write finds it
 * empty or cut short, so such a read is made again (a write takes milliseconds) before it counts.
 */
export function savedConnections(dirs: RunDirs): SavedConnection[] {
  const settings = readSettings(join(dirs.userData, 'User/settings.json'));
  const connections = settings['pgsql.connections'];
  return Array.isArray(connections) ? (connections as SavedConnection[]) : [];
}

const REREADS = 40;
const REREAD_AFTER_MS = 50;

function readSettings(path: string): Record<string, unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      if (!(error instanceof SyntaxError) || attempt === REREADS) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, REREAD_AFTER_MS);
    }
  }
}

export function fqdn(serverName: string): string {
  return `${serverName}.postgres.database.azure.com`;
}

/**
 * The server's saved profiles once the settings file has one: VS Code writes a changed setting to
 * disk a moment after the extension saved it, so what the UI already shows (the panel's "ready",
 * the notification, a connected dashboard) can come first. The caller then asserts how many.
 */
export async function savedConnectionsOf(dirs: RunDirs, server: string, timeoutMs = 30_000): Promise<SavedConnection[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const profiles = savedConnections(dirs).filter((p) => p.server === server);
    if (profiles.length > 0 || Date.now() > deadline) return profiles;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
