import { describe, expect, it } from 'vitest';
import { createServer } from './flows/createServerForm';
import { journalStates } from './flows/deploymentJournal';
import { fqdn, savedConnections } from './flows/savedProfiles';
import { OUTLASTING_SERVER_SECONDS, FAST_FORWARD, useScenario } from './flows/scenario';

// Beyond the spec (10): two windows each save profiles; neither drops the other's. Another window's
// writes to the setting may never reach a window's view (test/e2e/measure/settingsStaleness.ts: not
// within 60 s), so a window that saved from its view rewrote `pgsql.connections` without the other
// window's profiles.
describe('scenario 10: two windows save profiles', () => {
  const together = ['pgflex-first-window', 'pgflex-second-window'];
  const later = 'pgflex-second-window-later';
  const scenario = useScenario('scenario-10-two-window-profiles');

  it('keeps the profiles both windows saved, at the same time or half a minute apart', async () => {
    const { vscode, sandbox } = scenario;
    // Slow enough that all three are still creating when the last form is sent (1 800 s at speed
    // 20); then one fast-forward ends the first two within seconds and the third 30 s later.
    sandbox.control.scriptOutcome(together[0], { outcome: 'succeed', durations: { flexibleServers: OUTLASTING_SERVER_SECONDS } });
    sandbox.control.scriptOutcome(together[1], { outcome: 'succeed', durations: { flexibleServers: OUTLASTING_SERVER_SECONDS } });
    sandbox.control.scriptOutcome(later, { outcome: 'succeed', durations: { flexibleServers: OUTLASTING_SERVER_SECONDS + 30 * FAST_FORWARD } });

    await createServer(vscode, { serverName: together[0], resourceGroup: 'rg-pgflex-dev', location: 'East US' });
    const second = await vscode.openWindow();
    const inSecond = { page: second, shot: (step: string) => vscode.shots.shot(second, `second-window-${step}`), typedSecrets: vscode.typedSecrets };
    await createServer(inSecond, { serverName: together[1], resourceGroup: 'rg-pgflex-dev', location: 'East US' });
    await createServer(inSecond, { serverName: later, resourceGroup: 'rg-pgflex-dev', location: 'East US' });

    sandbox.control.setSpeed(FAST_FORWARD);
    const servers = () => savedConnections(vscode.dirs).map((p) => p.server);
    await expect.poll(servers, { timeout: 90_000, interval: 500 }).toEqual(expect.arrayContaining(together.map(fqdn)));
    const bothAt = Date.now();
    await expect.poll(servers, { timeout: 90_000, interval: 500 }).toContain(fqdn(later));
    console.log(`scenario 10: the later profile was saved ${Math.round((Date.now() - bothAt) / 1000)} s after the first two`);
    await vscode.shot('all-saved');
    await inSecond.shot('all-saved');

    // Once every deployment has run its last effect (the dashboard opened in its window), no window
    // has a profile left to save: nothing was rewritten from a stale view, each profile is there once.
    const states = () => Object.values(journalStates(vscode.dirs));
    await expect.poll(states, { timeout: 60_000, interval: 500 }).toEqual(Array(3).fill('succeeded.dashboardOpened'));
    const saved = servers().sort();
    expect(saved).toEqual([...together, later].map(fqdn).sort());
  });
});
