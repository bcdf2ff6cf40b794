import { describe, expect, it } from 'vitest';
import { fakeDashboard, notices, profile, states, target } from './dashboardFakes';

/** The dashboard of a saved connection whose server was moved outside VS Code, not yet updated. */

const away = { subscriptionId: 'sub-2', subscriptionName: 'Dev/Test', resourceGroup: 'rg-dev' };

describe('the dashboard of a server moved away from where its saved connection points', () => {
  it('says where Azure has it now, and that the firewall rules wait for the update; the live part still shows', async () => {
    const d = fakeDashboard({ connected: true, notFound: { movedTo: away } });
    await d.c.onMessage({ type: 'ready' });
    const [state] = states(d.posted);
    expect(state.arm).toEqual({
      status: 'moved',
      to: away,
      message:
        "Azure has 'contoso' in resource group 'rg-dev' of subscription 'Dev/Test' (sub-2) now, no longer in resource group 'rg-data' of subscription 'sub-1' where this saved connection points: it was moved outside VS Code. The connection still works (the host name is the same); Update Saved Connection makes this dashboard and its firewall rules follow the move.",
    });
    expect(state.firewall).toEqual({
      status: 'failed',
      message: 'The firewall rules are read where the saved connection points, and the server is no longer there.',
      nextStep: 'Update Saved Connection (above), then its rules show here.',
    });
    expect(state.live.status).toBe('connected');
    expect(d.located).toEqual([target]);
  });

  it('Update Saved Connection follows the move Azure last said, then reads the dashboard again', async () => {
    const d = fakeDashboard({ notFound: { movedTo: away } });
    await d.c.onMessage({ type: 'ready' });
    await d.c.onMessage({ type: 'dashboard.followMove' });
    expect(d.followed).toEqual([[profile.id, away]]);
    expect(states(d.posted)).toHaveLength(2);
  });

  it('Update Saved Connection with no move shown follows nothing, and says so', async () => {
    const d = fakeDashboard();
    await d.c.onMessage({ type: 'ready' });
    await d.c.onMessage({ type: 'dashboard.followMove' });
    expect(d.followed).toEqual([]);
    expect(notices(d.posted)).toEqual([{ kind: 'error', message: "Azure did not say that 'contoso' moved.", nextStep: 'Refresh to ask again.' }]);
  });

  it('not found and not moved: the read failure as before; a failure that is no "not found" asks nowhere else', async () => {
    const gone = fakeDashboard({ notFound: {} });
    await gone.c.onMessage({ type: 'ready' });
    expect(states(gone.posted)[0].arm).toMatchObject({ status: 'failed', message: expect.stringMatching(/^Could not read 'contoso' from Azure: The Resource .* was not found\.$/) });
    expect(gone.located).toEqual([target]);

    const refused = fakeDashboard({ armFails: true });
    await refused.c.onMessage({ type: 'ready' });
    expect(refused.located).toEqual([]);
  });
});
