import { beforeEach, describe, expect, it } from 'vitest';
import { FakeCatalog, FakeLog, FakePanel, FakeTracker, OTHER_PRINCIPALS, PRINCIPAL, SUBSCRIPTION, chooseSubscriptionAndLocation, openCreatePanel, settle, validRequest } from './fakes';

let tracker: FakeTracker;
let catalog: FakeCatalog;
let log: FakeLog;
let panel: FakePanel;
const [GRACE, ADMINS] = OTHER_PRINCIPALS;

beforeEach(async () => {
  tracker = new FakeTracker();
  catalog = new FakeCatalog();
  log = new FakeLog();
  panel = new FakePanel();
  await openCreatePanel({ tracker, catalog, log, panel });
  await chooseSubscriptionAndLocation(panel);
});

const search = async (text: string, subscriptionId = SUBSCRIPTION.subscriptionId) => {
  panel.send({ type: 'form.searchEntraAdministrators', subscriptionId, text });
  await settle();
};
const submitWith = async (entraAdmin: unknown) => {
  panel.send({ type: 'form.submit', request: { ...validRequest(), authenticationMode: 'EntraOnly', adminLogin: undefined, adminPassword: undefined, confirmPassword: undefined, entraAdmin } });
  await settle();
};

describe("the create panel's Microsoft Entra administrator", () => {
  it("answers a search with the tenant's users and groups found", async () => {
    await search('postgres');
    expect(panel.ofType('catalog.entraAdministrators')).toEqual([{ type: 'catalog.entraAdministrators', subscriptionId: SUBSCRIPTION.subscriptionId, text: 'postgres', principals: [ADMINS] }]);
  });

  it('deploys a principal the search found, as the host read it', async () => {
    await search('postgres');
    await submitWith({ ...ADMINS, principalName: 'Renamed by the page' });
    expect(tracker.created.map((r) => r.entraAdmin)).toEqual([ADMINS]);
  });

  it('refuses one no search found (the page is not trusted), and one found for another subscription', async () => {
    await submitWith(GRACE);
    expect(panel.ofType('form.rejected').at(-1)?.errors).toEqual({ entraAdmin: ['Choose the Microsoft Entra administrator from the search results, or yourself.'] });
    await search('grace', 'sub-unknown');
    expect(panel.ofType('catalog.entraAdministrators')).toEqual([]);
    await submitWith(GRACE);
    expect(tracker.created).toHaveLength(0);
  });

  it('deploys the signed-in user the page names; none named is a broken rule, not a default', async () => {
    await submitWith(undefined);
    expect(panel.ofType('form.rejected').at(-1)?.errors).toEqual({ entraAdmin: ['Microsoft Entra authentication needs an administrator.'] });
    await submitWith(PRINCIPAL);
    expect(tracker.created.map((r) => r.entraAdmin)).toEqual([PRINCIPAL]);
  });

  it('says why the directory could not be searched, and logs it', async () => {
    catalog.directoryRefusal = new Error('Microsoft Graph refused the directory search: Insufficient privileges to complete the operation. (Authorization_RequestDenied)');
    await search('grace');
    const [answer] = panel.ofType('catalog.entraAdministrators');
    expect(answer).toMatchObject({ message: expect.stringMatching(/^Could not search the directory: Microsoft Graph refused the directory search: Insufficient privileges .* You can keep yourself as the administrator/) });
    expect(log.lines.some((line) => line.startsWith('warn Searching the directory failed: Microsoft Graph refused'))).toBe(true);
  });
});
