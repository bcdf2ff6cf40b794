import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeploymentRecord } from '../../src/services/flexDeployment/deploymentRecord';

/**
 * Every record on disk, as a new window would find it: the active journal's, then the history's
 * (its last line per staging id; a removal drops it), the active journal's copy winning.
 */
export function storedRecords(storageDir: string): DeploymentRecord[] {
  const read = (file: string) => {
    try {
      return readFileSync(join(storageDir, file), 'utf8');
    } catch {
      return '';
    }
  };
  const active = read('flexDeployments.json');
  const records = new Map<string, DeploymentRecord>();
  for (const line of read('flexDeploymentsHistory.jsonl').split('\n')) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as DeploymentRecord & { removed?: string };
    if (item.removed) records.delete(item.removed);
    else records.set(item.stagingId, item);
  }
  for (const item of active ? (JSON.parse(active) as { records: DeploymentRecord[] }).records : []) records.set(item.stagingId, item);
  return [...records.values()];
}

/** A record as the specification's first implementation (schema 1) stored it: status and flags, no machine state. */
export const SCHEMA_1_RECORD = {
  stagingId: 'old-1',
  deploymentName: 'pgflex-legacy-1700000000000',
  resourceGroupName: 'rg',
  subscriptionId: 'sub',
  tenantId: 'tenant',
  connectionProfile: { server: 'legacy.postgres.database.azure.com', profileName: 'legacy', user: 'pgadmin', authenticationType: 'SqlLogin', savePassword: true },
  status: 'succeeded',
  createdAt: Date.UTC(2026, 10, 20),
  lastCheckedAt: Date.UTC(2026, 10, 20, 1),
  profileCreated: true,
} as const;
