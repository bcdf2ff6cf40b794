import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDeploymentName } from '../../../src/azure/flexProvisioning/deploymentName';
import { readRecord, type DeploymentRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { SCHEMA_1_RECORD as schema1 } from '../../support/storedRecords';

/** Records the specification's first implementation stored (schema 1), as this version reads them. */

function migrated(raw: unknown): DeploymentRecord {
  const reading = readRecord(raw);
  if (reading.kind !== 'valid') throw new Error(`not read: ${JSON.stringify(reading)}`);
  expect(reading.migratedFrom).toBe(1);
  return reading.record;
}

const { profileName: _name, ...profileWithoutName } = schema1.connectionProfile;

describe('a schema-1 record', () => {
  it('takes its state from status and flags, ended when last checked, with an audit entry saying so', () => {
    expect(migrated(schema1)).toMatchObject({
      schemaVersion: 2,
      state: 'succeeded.profileCreated',
      serverName: 'legacy',
      terminalAt: schema1.lastCheckedAt,
      inActiveSession: false,
    });
    expect(migrated(schema1).audit).toEqual([{ at: schema1.lastCheckedAt, event: 'migrated.fromSchema1', to: 'succeeded.profileCreated' }]);
  });

  it('that failed shows its stored error as the failure, and has ended', () => {
    const failed = migrated({ ...schema1, status: 'failed', profileCreated: false, error: 'Operation results in exceeding approved quota.' });
    expect(failed).toMatchObject({ state: 'failed', terminalAt: schema1.lastCheckedAt });
    expect(failed.armError).toEqual({ code: 'DeploymentFailed', message: 'Operation results in exceeding approved quota.' });
  });

  it('still running has not ended: no end time, so it is resumed and read again', () => {
    for (const status of ['pending', 'deploying'] as const) {
      const running = migrated({ ...schema1, status, profileCreated: false });
      expect(running.state).toBe(status);
      expect(running.terminalAt).toBeUndefined();
    }
  });

  it('claims no region it never stored', () => {
    expect(migrated(schema1).location).toBe('');
    expect(migrated({ ...schema1, connectionProfile: { ...schema1.connectionProfile, azureLocation: 'eastus' } }).location).toBe('eastus');
  });

  it('without a profile name, names its server from the deployment name pgflex gave it', () => {
    const serverNames = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,40}[a-z0-9]$/);
    const times = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2099, 0, 1) });
    fc.assert(
      fc.property(serverNames, times, (serverName, at) => {
        const deploymentName = makeDeploymentName(serverName, at);
        expect(migrated({ ...schema1, deploymentName, connectionProfile: profileWithoutName }).serverName).toBe(serverName);
      }),
    );
  });

  it('without a profile name, keeps a deployment name pgflex did not make whole', () => {
    for (const deploymentName of ['nightly-pgflex-demo-20261120120000', 'pgflex-demo-20261120120000-rerun', 'pgflex-demo-latest', 'postgres-eastus']) {
      expect(migrated({ ...schema1, deploymentName, connectionProfile: profileWithoutName }).serverName).toBe(deploymentName);
    }
  });
});
