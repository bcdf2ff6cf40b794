import type { FrameLocator, Locator } from 'playwright-core';

const FIREWALL = 'section[aria-label="Firewall rules"]';
const NOTICE = '[aria-label="Last action"]';

/** The rules the dashboard lists, as [name, start, end] rows. */
export async function listedRules(dashboard: FrameLocator): Promise<string[][]> {
  const rows = await dashboard.locator(`${FIREWALL} tbody tr`).all();
  return Promise.all(rows.map(async (row) => (await row.locator('td').allInnerTexts()).slice(0, 3).map((t) => t.trim())));
}

/** What the dashboard says about this machine's address: the address itself, as Azure sees it. */
export async function shownClientIp(dashboard: FrameLocator): Promise<string | undefined> {
  const line = await dashboard.locator(`${FIREWALL} .client-ip`).innerText({ timeout: 30_000 });
  return /as Azure sees it, ([0-9.]+),/.exec(line)?.[1];
}

export function clientIpLine(dashboard: FrameLocator): Locator {
  return dashboard.locator(`${FIREWALL} .client-ip`);
}

/** Presses Remove on the rule's row; the host then asks in a modal dialog. */
export async function pressRemove(dashboard: FrameLocator, ruleName: string): Promise<void> {
  await dashboard.locator(`${FIREWALL} tr:has(td:text-is("${ruleName}")) vscode-button:not([disabled])`).click();
}

export async function pressAddMyIp(dashboard: FrameLocator): Promise<void> {
  await dashboard.locator(`${FIREWALL} vscode-button:not([disabled])`, { hasText: 'Add my IP' }).click();
}

/** The outcome of the last action, once it shows `text`. */
export async function waitForNotice(dashboard: FrameLocator, text: string): Promise<Locator> {
  const notice = dashboard.locator(NOTICE, { hasText: text });
  await notice.waitFor({ state: 'visible', timeout: 60_000 });
  return notice;
}

/** Waits until the dashboard is no longer busy (its buttons enabled again after a refresh). */
export async function waitUntilIdle(dashboard: FrameLocator): Promise<void> {
  await dashboard.locator('main[aria-busy="false"]').waitFor({ state: 'attached', timeout: 60_000 });
}
