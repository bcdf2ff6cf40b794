import type { HistoryRecord } from './deploymentJournal';
import { readRecord, type DeploymentRecord } from './deploymentRecord';

const SLICE = 250;

export interface InvalidRecord {
  stagingId: string;
  reason: string;
  raw: unknown;
}

/**
 * Validates the settled history activation deferred, a slice per turn of the event loop so the
 * extension host stays responsive; returns the records that failed, for quarantine. (Only records
 * of the current schema are deferred, so none is of a newer one.)
 */
export async function validateDeferredHistory(deferred: readonly HistoryRecord[], accept: (record: DeploymentRecord) => void): Promise<InvalidRecord[]> {
  const invalid: InvalidRecord[] = [];
  // Stryker disable next-line EqualityOperator: one more turn with an empty slice validates nothing more
  for (let i = 0; i < deferred.length; i += SLICE) {
    await new Promise((resolve) => setImmediate(resolve));
    for (const d of deferred.slice(i, i + SLICE)) {
      const reading = readRecord(d.raw);
      if (reading.kind === 'valid') accept(reading.record);
      else if (reading.kind === 'invalid') invalid.push({ stagingId: d.stagingId, reason: reading.reason, raw: d.raw });
    }
  }
  return invalid;
}
