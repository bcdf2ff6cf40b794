import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeploymentJournal } from '../../../src/services/flexDeployment/deploymentJournal';
import { makeDeploymentName } from '../../../src/azure/flexProvisioning/deploymentName';
import { readRecord, toRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { stagedContext } from '../../../src/services/flexDeployment/stageDeployment';
import { createRequest, MemoryMemento, RecordingNotices, tempDir } from '../../support/trackerFakes';
import { createWorld, openWindow } from '../../support/trackerHarness';
import { SCHEMA_1_RECORD as schema1, storedRecords } from '../../support/storedRecords';
import { DEFAULT_SERVER_OPTIONS } from '../../../machines/flexDeployment/serverOptions';
import { ALLOW_AZURE_SERVICES_RULE, firewallRulesOf } from '../../../machines/flexDeployment/networking';
import { formPrefillSchema } from '../../../machines/webview/createServerMessages';

/**
 * The globalState keys as earlier versions wrote them, spelt out rather than imported: a key renamed
 * in the code would leave their records (and the records they quarantined) behind, unread.
 */
const STAGED_PROFILES_KEY = 'pgsql.flexProvisioning.stagedProfiles';
const QUARANTINE_KEY = 'pgsql.flexProvisioning.quarantinedProfiles';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

describe('stored deployment records', () => {
  it("keeps ARM's error whole, the denying policy included, and reads records stored before the policy was kept", () => {
    const failed = {
      ...schema1, stagingId: 'denied', schemaVersion: 2, state: 'failed', status: 'failed', serverName: 'legacy', location: 'eastus', inActiveSession: false, audit: [],
      armError: { code: 'RequestDisallowedByPolicy', message: 'disallowed by policy', chain: [{ code: 'DeploymentFailed', message: 'failed' }] },
    };
    const policyViolation = { assignment: 'No public servers', definition: 'Deny public network access' };
    const withPolicy = readRecord({ ...failed, armError: { ...failed.armError, policyViolation } });
    expect(withPolicy.kind === 'valid' && withPolicy.record.armError).toStrictEqual({ ...failed.armError, policyViolation });
    const before = readRecord(failed);
    expect(before.kind === 'valid' && before.record.armError).toStrictEqual(failed.armError);
  });

  /** A schema-2 record as a build before the server options and the networking choice stored it. */
  const storedBefore = (stagingId: string, firewall: Record<string, unknown>) => ({
    ...schema1,
    stagingId,
    schemaVersion: 2,
    state: 'deploying',
    status: 'deploying',
    serverName: 'legacy',
    location: 'eastus',
    inActiveSession: false,
    audit: [],
    request: {
      tenantId: 'tenant', subscriptionId: 'sub', resourceGroup: { name: 'rg', isNew: false }, serverName: 'legacy', location: 'eastus',
      version: '17', tier: 'Burstable', skuName: 'Standard_B1ms', storageSizeGB: 32, authenticationMode: 'PostgreSQLOnly', adminLogin: 'pgadmin',
      firewall,
    },
  });

  it('loads a schema-2 record stored before the server options, as the server it created: no HA, 7 days, no tags', async () => {
    const beforeOptions = storedBefore('pre-options', { allowAzureServices: false });
    const reading = readRecord(beforeOptions);
    expect(reading.kind).toBe('valid');
    if (reading.kind !== 'valid') return;
    expect(reading.record.request).toMatchObject(DEFAULT_SERVER_OPTIONS);
    expect(reading.record.request?.availabilityZone).toBeUndefined();

    const memento = new MemoryMemento();
    await memento.update(STAGED_PROFILES_KEY, [beforeOptions]);
    const journal = new DeploymentJournal(dir.path, memento, { log: () => undefined, notices: new RecordingNotices() });
    expect((await journal.load()).records.map((r) => r.stagingId)).toEqual(['pre-options']);
    expect(memento.get<unknown[]>(QUARANTINE_KEY)).toBeUndefined();
  });

  it('loads a record stored before the networking choice as public access without custom ranges: the rules its server got', () => {
    const reading = readRecord(storedBefore('pre-networking', { allowAzureServices: true, clientIp: '203.0.113.7' }));
    if (reading.kind !== 'valid') throw new Error(`not loaded: ${JSON.stringify(reading)}`);
    const request = reading.record.request!;
    expect(request).toMatchObject({ networkAccess: 'Public', firewall: { allowAzureServices: true, clientIp: '203.0.113.7', ranges: [] } });
    expect(firewallRulesOf(request).map((rule) => rule.name)).toEqual([ALLOW_AZURE_SERVICES_RULE, 'pgflex-client-203-0-113-7']);
    // A Retry prefills the form from it alike.
    expect(formPrefillSchema.parse(request)).toMatchObject({ networkAccess: 'Public', firewall: { ranges: [] } });
  });

  it("reads back an Entra-administered deployment as stored: its administrator and its whole connection profile", () => {
    const request = createRequest({
      authenticationMode: 'EntraOnly',
      adminLogin: undefined,
      entraAdmin: { objectId: '00000000-0000-0000-0000-000000000001', principalName: 'pg-admins', principalType: 'Group' },
    });
    const staged = stagedContext(request, { stagingId: 'entra-1', deploymentName: makeDeploymentName(request.serverName) }, Date.UTC(2026, 10, 20));
    const stored = JSON.parse(JSON.stringify(toRecord('deploying', { ...staged, status: 'deploying' })));
    expect(readRecord(stored)).toEqual({ kind: 'valid', record: stored });
  });

  it('reads the cancel states as schema 2, next to records written before cancel existed', () => {
    const before = readRecord(schema1);
    if (before.kind !== 'valid') throw new Error('fixture');
    // As a build without cancel wrote it: schema 2, no cancellation.
    const old = JSON.parse(JSON.stringify(before.record)) as Record<string, unknown>;
    expect(readRecord(old)).toEqual({ kind: 'valid', record: old });
    const cancelling = { ...old, state: 'cancelling', status: 'cancelling', cancellation: { requestedAt: 1, unanswered: { at: 2, reason: 'HTTP 503' } } };
    const canceled = { ...old, state: 'canceled', status: 'canceled', terminalAt: 3, cancellation: { requestedAt: 1, acceptedAt: 2 } };
    expect(readRecord(cancelling)).toEqual({ kind: 'valid', record: cancelling });
    expect(readRecord(canceled)).toEqual({ kind: 'valid', record: canceled });
    expect(readRecord({ ...canceled, cancellation: { acceptedAt: 2 } })).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('cancellation.requestedAt') });
    // Schema 1 never had the cancel states: such a record is not one.
    expect(readRecord({ ...schema1, status: 'canceled' }).kind).toBe('invalid');
  });

  it('reads a deployment waiting to be sent again as schema 2, next to records written before retries existed', () => {
    const before = readRecord(schema1);
    if (before.kind !== 'valid') throw new Error('fixture');
    // As a build without transient retries wrote it: schema 2, no transientRetry.
    const old = JSON.parse(JSON.stringify(before.record)) as Record<string, unknown>;
    expect(readRecord(old)).toEqual({ kind: 'valid', record: old });
    const transientRetry = { failedAttempts: 1, error: { code: 'InternalServerError', message: 'An unexpected error occured.' }, retryAt: 5 };
    const waiting = { ...old, state: 'retryingTransient', status: 'retryingTransient', transientRetry };
    const resent = { ...old, state: 'pending', status: 'pending', transientRetry: { ...transientRetry, resubmittedAt: 6, answerAwaited: true } };
    expect(readRecord(waiting)).toEqual({ kind: 'valid', record: waiting });
    expect(readRecord(resent)).toEqual({ kind: 'valid', record: resent });
    expect(readRecord({ ...waiting, transientRetry: { ...transientRetry, failedAttempts: 0 } })).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('transientRetry.failedAttempts'),
    });
    // Schema 1 never retried by itself: such a record is not one.
    expect(readRecord({ ...schema1, status: 'retryingTransient' }).kind).toBe('invalid');
  });

  it('quarantines a corrupted record, reports it once with its cause, and loads the others', async () => {
    const memento = new MemoryMemento();
    const logs: string[] = [];
    const newerWithoutId = { schemaVersion: 9, stagingId: 7 };
    await memento.update(STAGED_PROFILES_KEY, [schema1, { stagingId: 42, status: 'exploded' }, 'not even an object', null, newerWithoutId]);
    const notices = new RecordingNotices();
    const journal = new DeploymentJournal(dir.path, memento, { log: (m) => void logs.push(m), notices });
    const first = await journal.load();
    // Settled long ago: loaded as history (validated after activation), not as active work.
    expect(first.records).toEqual([]);
    expect((await journal.loadHistory()).map((h) => h.stagingId)).toEqual(['old-1']);
    expect(memento.get<{ reason: string }[]>(QUARANTINE_KEY)?.map((q) => q.reason)).toEqual([
      'stagingId: Invalid input: expected string, received number',
      'record: Invalid input: expected object, received string',
      'record: Invalid input: expected object, received null',
      // Not left alone as a newer version's: with no staging id, nothing could ever claim it.
      'a newer record without a stagingId',
    ]);
    expect(logs.filter((l) => l.startsWith('Quarantined'))).toHaveLength(4);
    expect(notices.quarantines.map((q) => q.length)).toEqual([4]);
    await journal.load();
    expect(logs.filter((l) => l.startsWith('Quarantined'))).toHaveLength(4);
    expect(memento.get<unknown[]>(STAGED_PROFILES_KEY)).toEqual([]);
    expect(storedRecords(dir.path).map((r) => r.stagingId)).toEqual(['old-1']);
  });

  it('keeps a record naming a state the machine no longer has out of the way, without crashing activation', async () => {
    const world = createWorld(dir.path);
    const good = readRecord(schema1);
    if (good.kind !== 'valid') throw new Error('fixture');
    await world.memento.update(STAGED_PROFILES_KEY, [{ ...good.record, stagingId: 'ghost', state: 'awaitingQuantumApproval' }, good.record]);
    const { tracker } = openWindow(world);
    await expect(tracker.activate()).resolves.toBeUndefined();
    expect((await tracker.getStagedProfiles()).map((p) => p.stagingId)).toEqual(['old-1']);
    expect(world.memento.get<{ reason: string }[]>(QUARANTINE_KEY)?.[0]?.reason).toMatch(/^state/);
    await tracker.dispose();
  });

  it('validates old settled history after activation and quarantines what is broken', async () => {
    const world = createWorld(dir.path);
    const good = readRecord(schema1);
    if (good.kind !== 'valid') throw new Error('fixture');
    const brokenHistory = { ...good.record, stagingId: 'broken', createdAt: 'yesterday' };
    writeFileSync(join(dir.path, 'flexDeploymentsHistory.jsonl'), `${JSON.stringify(brokenHistory)}\n${JSON.stringify(good.record)}\n`);
    const { tracker } = openWindow(world);
    await tracker.activate();
    await tracker.whenRehydrated();
    expect((await tracker.getStagedProfiles()).map((p) => p.stagingId)).toEqual(['old-1']);
    expect(world.memento.get<{ reason: string }[]>(QUARANTINE_KEY)?.[0]?.reason).toMatch(/^createdAt/);
    expect(storedRecords(dir.path).map((r) => r.stagingId)).toEqual(['old-1']);
    await tracker.dispose();
  });

  it('leaves a record written by a newer version untouched in storage', async () => {
    const memento = new MemoryMemento();
    const future = { stagingId: 'future-1', schemaVersion: 9, somethingNew: true };
    await memento.update(STAGED_PROFILES_KEY, [future, schema1]);
    const journal = new DeploymentJournal(dir.path, memento, { log: () => undefined, notices: new RecordingNotices() });
    const contents = await journal.load();
    expect(contents.newer).toBe(1);
    await journal.commit({ deletes: ['old-1'] });
    expect(memento.get(STAGED_PROFILES_KEY)).toEqual([future]);
  });
});
