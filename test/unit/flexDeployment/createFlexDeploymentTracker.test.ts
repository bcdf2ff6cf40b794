import type * as vscode from 'vscode';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlexDeploymentTracker } from '../../../src/services/flexDeployment/createFlexDeploymentTracker';
import { FlexDeploymentTracker } from '../../../src/services/flexDeployment/flexDeploymentTracker';
import { EXTENSION_SETTINGS } from '../../../src/settings/extensionSettings';
import { SettingsReader } from '../../../src/settings/settingsReader';
import { until, useFakePollTime } from '../../support/fakeTime';
import { createRequest, tempDir } from '../../support/trackerFakes';
import { createWorld, type SharedWorld } from '../../support/trackerHarness';

let dir: ReturnType<typeof tempDir>;
let world: SharedWorld;
const contexts: { subscriptions: { dispose(): unknown }[] }[] = [];

beforeEach(() => {
  dir = tempDir();
  world = createWorld(dir.path);
});
afterEach(async () => {
  vi.useRealTimers();
  for (const context of contexts.splice(0)) for (const subscription of context.subscriptions) await subscription.dispose();
  dir.remove();
});

/** One VS Code window of the extension: its own context over the machine's globalStorage, globalState and secrets. */
function extensionWindow(settings: Record<string, unknown> = {}) {
  const context = { globalStorageUri: { fsPath: dir.path }, globalState: world.memento, secrets: world.secrets, subscriptions: [] as { dispose(): unknown }[] };
  contexts.push(context);
  const { tracker, dispose } = createFlexDeploymentTracker(context as unknown as vscode.ExtensionContext, {
    reader: world.reader,
    provisioner: world.provisioner,
    canceller: world.canceller,
    effects: world.effects,
    signIn: world.signIn,
    settings: new SettingsReader((id) => settings[id], () => undefined),
    notices: world.notices,
    lifecycle: world.lifecycle,
    log: { info: (message: string) => void world.logs.push(message) } as vscode.LogOutputChannel,
  });
  context.subscriptions.push({ dispose });
  const close = () => Promise.all(context.subscriptions.map((subscription) => subscription.dispose()));
  return { tracker, close };
}

describe('the tracker as the extension creates it', () => {
  it('polls at the interval the setting gives in seconds', async () => {
    useFakePollTime();
    const { tracker } = extensionWindow({ [EXTENSION_SETTINGS.pollIntervalSeconds.id]: 20 });
    await tracker.activate();
    const readAt: number[] = [];
    const read = world.reader.read.bind(world.reader);
    world.reader.read = (refs) => (readAt.push(Date.now()), read(refs));
    await tracker.create(createRequest());
    await until(() => readAt.length === 2, { stepMs: 1_000, forMs: 60_000 });
    expect(readAt[1] - readAt[0]).toBeGreaterThanOrEqual(20_000);
  });

  it("is stopped when the extension's window closes, leaving its deployments to the next window", async () => {
    const first = extensionWindow();
    await first.tracker.activate();
    const id = await first.tracker.create(createRequest());
    await first.close();
    const next = extensionWindow();
    await next.tracker.activate();
    expect(await next.tracker.cancel(id)).toBe('sent'); // the owner now: it cancels, it does not ask
  });

  it('logs why stopping the tracker failed', async () => {
    const { tracker, close } = extensionWindow();
    await tracker.activate();
    vi.spyOn(FlexDeploymentTracker.prototype, 'dispose').mockRejectedValueOnce(new Error('EBUSY: journal locked'));
    await close();
    expect(world.logs).toContain('Stopping the tracker failed: Error: EBUSY: journal locked');
  });
});
