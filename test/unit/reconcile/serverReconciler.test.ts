import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { SignedOutError } from '../../../src/azure/signedOutError';
import { createServerReconciler, serverKey } from '../../../src/reconcile/serverReconciler';
import { armRestError } from '../../support/armRestError';
import { ScriptedServerReader } from '../../support/scriptedServerReader';

const AT = Date.UTC(2026, 11, 4, 10, 0, 0);
const pg = { tenantId: 't', subscriptionId: 'sub-1', resourceGroup: 'rg-data', serverName: 'pg' };
const gone = () => armRestError(404, 'ResourceNotFound', "The Resource 'Microsoft.DBforPostgreSQL/flexibleServers/pg' under resource group 'rg-data' was not found.");

function setup() {
  const reader = new ScriptedServerReader();
  const checks = createServerReconciler(reader, () => AT);
  const known = async () => (await firstValueFrom(checks.known$)).get(serverKey(pg));
  return { reader, checks, known };
}

describe('the server reconciler', () => {
  it('sends one GET per server while one is under way, however many ask; every asker gets its answer', async () => {
    const { reader, checks } = setup();
    reader.answer('pg', { error: gone() }).hold();
    const asks = [checks.check(pg), checks.check(pg), checks.check({ ...pg, serverName: 'PG' }), checks.check(pg)];
    const other = checks.check({ ...pg, serverName: 'other' });
    reader.release();
    const answers = await Promise.all(asks);
    await other;
    expect(reader.reads).toEqual(['pg', 'other']);
    expect(answers.map((a) => a.kind)).toEqual(['deleted', 'deleted', 'deleted', 'deleted']);
  });

  it('reads Azure again on the next ask once the last GET answered', async () => {
    const { reader, checks } = setup();
    await checks.check(pg);
    await checks.check(pg);
    expect(reader.reads).toEqual(['pg', 'pg']);
  });

  it('keeps a deleted server deleted while Azure is throttled, unreachable or the user signed out, and shows it found again only on Azure\'s answer', async () => {
    const { reader, checks, known } = setup();
    reader.answer('pg', { error: gone() });
    await checks.check(pg);
    expect(await known()).toMatchObject({ kind: 'deleted', code: 'ResourceNotFound' });
    for (const error of [armRestError(429, 'TooManyRequests', 'throttled'), armRestError(503, 'ServiceUnavailable', 'x'), new SignedOutError('t'), Object.assign(new Error('reset'), { code: 'ECONNRESET' })]) {
      reader.answer('pg', { error });
      expect((await checks.check(pg)).kind).toBe('notChecked');
      expect((await known())?.kind).toBe('deleted');
    }
    reader.answer('pg', { state: 'Ready' });
    await checks.check(pg);
    expect(await known()).toEqual({ kind: 'found', state: 'Ready', at: AT });
  });

  it('never marks anything when the first answers are throttled or signed out, and never throws', async () => {
    const { reader, checks, known } = setup();
    reader.answer('pg', { error: armRestError(429, 'TooManyRequests', 'throttled') });
    await expect(checks.check(pg)).resolves.toMatchObject({ kind: 'notChecked', reason: 'unavailable' });
    reader.answer('pg', { error: new SignedOutError('t') });
    await expect(checks.check(pg)).resolves.toMatchObject({ kind: 'notChecked', reason: 'signedOut' });
    expect(await known()).toBeUndefined();
  });
});
