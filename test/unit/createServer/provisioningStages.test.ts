import { describe, expect, it } from 'vitest';
import type { DeploymentOperationView } from '../../../machines/flexDeployment/catalog';
import { provisioningStages, type StageInput } from '../../../machines/flexDeployment/provisioningStages';

const SERVER = 'Microsoft.DBforPostgreSQL/flexibleServers';

function op(resourceType: string, provisioningState: string, timestamp?: string): DeploymentOperationView {
  return { resourceType, resourceName: 'srv', provisioningState, ...(timestamp ? { timestamp } : {}) };
}

function input(overrides: Partial<StageInput>): StageInput {
  return { phase: 'deploying', usesEntra: false, hasFirewallRules: true, operations: [], ...overrides };
}

function statuses(i: StageInput): string[] {
  return provisioningStages(i).map((s) => `${s.id}:${s.status}`);
}

describe('provisioningStages', () => {
  it('shows the Entra stage only when Entra is used, and firewall only when asked for', () => {
    expect(provisioningStages(input({ usesEntra: true })).map((s) => s.id)).toEqual(['queued', 'server', 'firewall', 'entraAdmin', 'ready']);
    expect(provisioningStages(input({ hasFirewallRules: false })).map((s) => s.id)).toEqual(['queued', 'server', 'ready']);
  });

  it('names each stage as the stepper shows it', () => {
    expect(provisioningStages(input({ usesEntra: true })).map((s) => s.label)).toEqual(['Queued', 'Creating server', 'Firewall rules', 'Microsoft Entra administrator', 'Ready']);
  });

  it('infers the firewall stage from operations when the record does not say', () => {
    const ids = (operations: DeploymentOperationView[]) => provisioningStages(input({ hasFirewallRules: undefined, operations })).map((s) => s.id);
    expect(ids([op(`${SERVER}/firewallRules`, 'Running')])).toContain('firewall');
    expect(ids([op(SERVER, 'Running')])).not.toContain('firewall');
  });

  it('is queued while pending', () => {
    expect(statuses(input({ phase: 'pending' }))).toEqual(['queued:current', 'server:waiting', 'firewall:waiting', 'ready:waiting']);
  });

  it('counts a deploying or cancelling record as accepted even when it does not say when', () => {
    for (const phase of ['deploying', 'cancelling'] as const) {
      expect(statuses(input({ phase })), phase).toEqual(['queued:done', 'server:current', 'firewall:waiting', 'ready:waiting']);
    }
  });

  it('marks the server current once ARM accepted, with the acceptance time on the queue stage', () => {
    const stages = provisioningStages(input({ acceptedAt: 1234, operations: [op(SERVER, 'Running')] }));
    expect(stages.map((s) => s.status)).toEqual(['done', 'current', 'waiting', 'waiting']);
    expect(stages[0].finishedAt).toBe(1234);
  });

  it('advances on finished operations and stamps each with its latest timestamp', () => {
    const stages = provisioningStages(
      input({
        usesEntra: true,
        operations: [
          op(SERVER, 'Succeeded', '2026-01-01T10:04:00Z'),
          op(`${SERVER}/firewallRules`, 'Succeeded', '2026-01-01T10:05:00Z'),
          op(`${SERVER}/firewallRules`, 'Succeeded', '2026-01-01T10:06:00Z'),
          op(`${SERVER}/administrators`, 'Running'),
        ],
      }),
    );
    expect(stages.map((s) => s.status)).toEqual(['done', 'done', 'done', 'current', 'waiting']);
    expect(stages[1].finishedAt).toBe(Date.parse('2026-01-01T10:04:00Z'));
    expect(stages[2].finishedAt).toBe(Date.parse('2026-01-01T10:06:00Z'));
  });

  it('finishes the Entra stage when its administrator is set', () => {
    const ops = [op(SERVER, 'Succeeded'), op(`${SERVER}/administrators`, 'Succeeded', '2026-01-01T10:07:00Z')];
    const stages = provisioningStages(input({ usesEntra: true, hasFirewallRules: false, operations: ops }));
    expect(stages.map((s) => `${s.id}:${s.status}`)).toEqual(['queued:done', 'server:done', 'entraAdmin:done', 'ready:current']);
    expect(stages[2].finishedAt).toBe(Date.parse('2026-01-01T10:07:00Z'));
  });

  it('keeps firewall current, with no finish time, while one of its rules is still running', () => {
    const ops = [op(SERVER, 'Succeeded'), op(`${SERVER}/firewallRules`, 'Succeeded', '2026-01-01T10:05:00Z'), op(`${SERVER}/firewallRules`, 'Running')];
    expect(statuses(input({ operations: ops }))).toEqual(['queued:done', 'server:done', 'firewall:current', 'ready:waiting']);
    expect(provisioningStages(input({ operations: ops }))[2].finishedAt).toBeUndefined();
  });

  it('gives a finished stage the time its operations carry, and none when they carry no readable one', () => {
    const server = (...timestamps: (string | undefined)[]) =>
      provisioningStages(input({ operations: timestamps.map((t) => op(SERVER, 'Succeeded', t)) }))[1];
    expect(server('2026-01-01T10:04:00Z', 'not a time', undefined)).toMatchObject({ status: 'done', finishedAt: Date.parse('2026-01-01T10:04:00Z') });
    expect(server(undefined)).toMatchObject({ status: 'done', finishedAt: undefined });
    expect(server('not a time')).toMatchObject({ status: 'done', finishedAt: undefined });
  });

  it('stops at the stage whose operation ARM canceled, not at an earlier one it had not reached', () => {
    // The firewall rules and the administrator both follow the server: ARM may have started one only.
    const ops = [op(SERVER, 'Succeeded'), op(`${SERVER}/administrators`, 'Canceled')];
    expect(statuses(input({ phase: 'canceled', usesEntra: true, operations: ops }))).toEqual([
      'queued:done',
      'server:done',
      'firewall:waiting',
      'entraAdmin:canceled',
      'ready:waiting',
    ]);
  });

  it('marks everything done on success, with the terminal time on ready', () => {
    const stages = provisioningStages(input({ phase: 'succeeded', terminalAt: 99, operations: [] }));
    expect(stages.every((s) => s.status === 'done')).toBe(true);
    expect(stages.at(-1)?.finishedAt).toBe(99);
  });

  it('gives the stage it stopped at the time of its operation that ended undone, else the deployment’s end; none to the stages after it', () => {
    const ops = [op(SERVER, 'Succeeded', '2026-01-01T10:04:00Z'), op(`${SERVER}/firewallRules`, 'Failed', '2026-01-01T10:05:30Z'), op(`${SERVER}/firewallRules`, 'Succeeded', '2026-01-01T10:05:40Z')];
    const stages = provisioningStages(input({ phase: 'failed', acceptedAt: 5, terminalAt: 99, usesEntra: true, operations: ops }));
    expect(stages.map((s) => [s.id, s.status, s.finishedAt])).toEqual([
      ['queued', 'done', 5],
      ['server', 'done', Date.parse('2026-01-01T10:04:00Z')],
      ['firewall', 'failed', Date.parse('2026-01-01T10:05:30Z')],
      ['entraAdmin', 'waiting', undefined],
      ['ready', 'waiting', undefined],
    ]);
    // No operation says when: the record's end. A cancel is stamped the same way.
    expect(provisioningStages(input({ phase: 'failed', acceptedAt: 5, terminalAt: 99 }))[1]).toMatchObject({ status: 'failed', finishedAt: 99 });
    expect(provisioningStages(input({ phase: 'canceled', terminalAt: 77, operations: [op(SERVER, 'Canceled')] }))[1]).toMatchObject({ status: 'canceled', finishedAt: 77 });
  });

  it('stamps nothing that is still running or waiting, Ready included', () => {
    const stages = provisioningStages(input({ acceptedAt: 5, terminalAt: 99, operations: [op(SERVER, 'Running', '2026-01-01T10:04:00Z')] }));
    expect(stages.map((s) => s.finishedAt)).toEqual([5, undefined, undefined, undefined]);
  });

  it('marks the failed operation’s stage failed', () => {
    const ops = [op(SERVER, 'Succeeded'), op(`${SERVER}/firewallRules`, 'Failed')];
    expect(statuses(input({ phase: 'failed', usesEntra: true, operations: ops }))).toEqual([
      'queued:done', 'server:done', 'firewall:failed', 'entraAdmin:waiting', 'ready:waiting',
    ]);
  });

  it('marks the failed operation’s stage failed even when an earlier stage has not reported done', () => {
    const ops = [op(SERVER, 'Running'), op(`${SERVER}/firewallRules`, 'Failed')];
    expect(statuses(input({ phase: 'failed', operations: ops }))).toEqual(['queued:done', 'server:waiting', 'firewall:failed', 'ready:waiting']);
  });

  it('marks a canceled operation’s stage failed, in whatever case ARM spells it', () => {
    const ops = [op(SERVER, 'succeeded'), op(`${SERVER}/firewallRules`, 'CANCELED')];
    expect(statuses(input({ phase: 'failed', operations: ops }))).toEqual(['queued:done', 'server:done', 'firewall:failed', 'ready:waiting']);
  });

  it('marks the first open stage failed when no operation says which', () => {
    expect(statuses(input({ phase: 'failed', acceptedAt: 5 }))).toEqual(['queued:done', 'server:failed', 'firewall:waiting', 'ready:waiting']);
  });

  it('marks the queue failed when ARM rejected the deployment before accepting it', () => {
    expect(statuses(input({ phase: 'failed' }))).toEqual(['queued:failed', 'server:waiting', 'firewall:waiting', 'ready:waiting']);
  });
});
