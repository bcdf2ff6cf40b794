import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import type { DeploymentObservation } from '../../../src/services/flexDeployment/ports';
import { stagedPasswordKey } from '../../../src/services/flexDeployment/storageKeys';
import { edgeCoveringPaths, T0 } from '../../support/deploymentModel';
import { createRequest, tempDir } from '../../support/trackerFakes';
import { createWorld, openWindow, type SharedWorld } from '../../support/trackerHarness';

const PASSWORD = 'Sup3r$ecret!';

/** What a test does to the running system for one machine event; effect completions happen by themselves. */
type Stimulus =
  | { kind: 'create'; answer: 'accepted' | 'rejected' | 'lost' }
  /** ARM says this, `after` ms past the deployment's creation (the clock moves on to then). */
  | { kind: 'arm'; observation: DeploymentObservation; after: number }
  | { kind: 'restart' }
  | { kind: 'retry' }
  | { kind: 'dismiss' }
  | { kind: 'openDashboard' };

function stimuliFor(events: DeploymentEvent[]): Stimulus[] {
  const out: Stimulus[] = [];
  let created = false;
  for (const e of events) {
    const after = e.at - T0;
    if (!created && (e.type === 'arm.accepted' || e.type === 'arm.rejected' || e.type === 'arm.outcomeUnknown')) {
      out.push({ kind: 'create', answer: e.type === 'arm.accepted' ? 'accepted' : e.type === 'arm.rejected' ? 'rejected' : 'lost' });
      created = true;
    } else if (e.type === 'poll.running') {
      out.push({ kind: 'arm', observation: { kind: 'running', provisioningState: e.provisioningState, durationMs: e.armDurationMs }, after });
    } else if (e.type === 'poll.succeeded') out.push({ kind: 'arm', observation: { kind: 'succeeded', serverResourceId: e.serverResourceId }, after });
    else if (e.type === 'poll.failed') out.push({ kind: 'arm', observation: { kind: 'failed', error: e.error }, after });
    else if (e.type === 'poll.notFound') out.push({ kind: 'arm', observation: { kind: 'notFound' }, after });
    else if (e.type === 'poll.unavailable') out.push({ kind: 'arm', observation: { kind: 'signedOut' }, after });
    else if (e.type === 'session.resumed') out.push({ kind: 'restart' });
    else if (e.type === 'user.retry') out.push({ kind: 'retry' });
    else if (e.type === 'user.dismiss') out.push({ kind: 'dismiss' });
    else if (e.type === 'dashboard.opened') out.push({ kind: 'openDashboard' });
  }
  // A path that never created anything (it only resumed) starts with Create, as a user would.
  if (!created) out.unshift({ kind: 'create', answer: 'accepted' });
  return out;
}

class Run {
  private window: ReturnType<typeof openWindow> | undefined;
  stagingId: string | undefined;
  deploymentName: string | undefined;
  restartedBeforeDashboard = false;
  dismissed = false;

  constructor(readonly world: SharedWorld) {}

  async open() {
    this.window = openWindow(this.world);
    await this.window.tracker.activate();
    this.window.tracker.stopPolling();
    await this.window.tracker.whenIdle();
  }

  /** The window dies: everything in memory is dropped; only the journal, globalState and secrets remain. */
  async crash() {
    const w = this.window!;
    await w.tracker.whenIdle();
    w.tracker.stopPolling();
    w.leases.crash();
    const deployment = this.current();
    if (deployment && !deployment.dashboardOpened) this.restartedBeforeDashboard = true;
    await w.tracker.dispose(); // a dead process watches and writes nothing more
    this.window = undefined;
  }

  current() {
    return this.window?.tracker.getDeployment(this.stagingId ?? '')?.context;
  }

  async apply(s: Stimulus) {
    const tracker = this.window!.tracker;
    switch (s.kind) {
      case 'create': {
        if (this.stagingId) return;
        if (s.answer === 'rejected') this.world.provisioner.rejectWith = { code: 'InvalidTemplateDeployment', message: 'The template is not valid.' };
        this.world.provisioner.loseAnswer = s.answer === 'lost';
        this.stagingId = await tracker.create(createRequest({ adminPassword: PASSWORD, confirmPassword: PASSWORD }));
        this.deploymentName = tracker.getDeployment(this.stagingId)!.context.deploymentName;
        return;
      }
      case 'arm':
        this.world.reader.states.set(this.deploymentName!, s.observation);
        this.world.clock.time = Math.max(this.world.clock.time, (this.current()?.createdAt ?? T0) + s.after);
        await tracker.refresh();
        break;
      case 'restart':
        await this.crash();
        await this.open();
        break;
      case 'retry':
        if (this.current()?.status === 'failed') await tracker.retry(this.stagingId!);
        break;
      case 'dismiss':
        if (this.current() && ['failed', 'succeeded'].includes(this.current()!.status)) {
          await tracker.dismiss(this.stagingId!);
          this.dismissed = true;
        }
        break;
      case 'openDashboard':
        if (this.current()?.profileCreated && !this.current()?.dashboardOpened && !this.current()?.inActiveSession) {
          await tracker.reportDashboardOpened(this.stagingId!);
        }
        break;
    }
    await this.window?.tracker.whenIdle();
  }

  /** Drives whatever is unfinished to its end: ARM eventually answers, the tracker acts on it. */
  async finish() {
    const tracker = this.window!.tracker;
    for (let i = 0; i < 3 && this.current() && ['pending', 'deploying'].includes(this.current()!.status); i++) {
      const said = this.world.reader.states.get(this.deploymentName!)?.kind;
      if (said === undefined || said === 'running' || said === 'signedOut') {
        this.world.reader.states.set(this.deploymentName!, { kind: 'succeeded', serverResourceId: '/x/flexibleServers/pgflex-demo' });
      }
      await tracker.refresh();
      await tracker.whenIdle();
    }
    await tracker.dispose();
  }
}

function violations(run: Run, dir: string): string[] {
  const found: string[] = [];
  const { world, stagingId } = run;
  if (!stagingId) return ['nothing was created'];
  const journalText = readFileSync(join(dir, 'flexDeployments.json'), 'utf8');
  const records = (JSON.parse(journalText) as { records: { stagingId: string; status: string; profileCreated?: boolean }[] }).records;
  const record = records.find((r) => r.stagingId === stagingId);
  if (!record && !run.dismissed) found.push('deployment lost');
  if (records.filter((r) => r.stagingId === stagingId).length > 1) found.push('record duplicated');
  const profiles = [...world.effects.profiles.values()].filter((p) => p.context.stagingId === stagingId);
  if (profiles.length > 1) found.push('duplicate profile');
  if (record?.status === 'failed' && profiles.length) found.push('profile for a failed deployment');
  if (record?.status === 'succeeded' && !record.profileCreated) found.push('succeeded without a profile');
  if (journalText.includes(PASSWORD) || JSON.stringify([...world.memento.values]).includes(PASSWORD)) found.push('password persisted');
  if (record && record.status !== 'pending' && record.status !== 'deploying' && world.secrets.values.has(stagedPasswordKey(stagingId))) {
    found.push('staged password lingers');
  }
  if (run.restartedBeforeDashboard && world.effects.dashboards.length) found.push('dashboard opened after a restart');
  if (world.effects.dashboards.length > 1) found.push('dashboard opened twice');
  return found;
}

describe('crash recovery', () => {
  it('loses nothing and duplicates nothing when VS Code dies at any step of any generated path', async () => {
    const paths = edgeCoveringPaths().map(stimuliFor);
    let tried = 0;
    const problems: string[] = [];
    for (const [p, stimuli] of paths.entries()) {
      for (let crashAt = 1; crashAt <= stimuli.length; crashAt++) {
        const dir = tempDir();
        const run = new Run(createWorld(dir.path));
        await run.open();
        for (const [i, s] of stimuli.entries()) {
          if (i === crashAt) await run.apply({ kind: 'restart' });
          await run.apply(s);
        }
        if (crashAt === stimuli.length) await run.apply({ kind: 'restart' });
        await run.finish();
        for (const v of violations(run, dir.path)) problems.push(`path ${p} crash at step ${crashAt}: ${v}`);
        tried++;
        dir.remove();
      }
    }
    console.log(`crash test: ${paths.length} paths, ${tried} path×step restarts tried, ${problems.length} violations`);
    expect(problems).toEqual([]);
  }, 300_000);
});
