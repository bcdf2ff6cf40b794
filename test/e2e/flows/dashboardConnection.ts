import type { FrameLocator, Page } from 'playwright-core';
import { runCommandAndPick } from '../harness/palette';
import type { VsCodeSession } from '../harness/vscodeSession';

type Session = Pick<VsCodeSession, 'page' | 'typedSecrets'>;

export type ConnectOutcome = { connected: true; serverVersion: string } | { connected: false; reason: string };

const CONNECTION = 'section[aria-label="Connection"]';
/** The dashboard's buttons are vscode-elements' <vscode-button>, which reflects `disabled` as an attribute. */
const ENABLED = 'vscode-button:not([disabled])';

/**
 * Presses the dashboard's Connect and returns what it shows once the attempt is over. With
 * `typedPassword` the attempt must ask for the password (the saved one was refused before), and
 * the password is typed into VS Code's prompt. Without one, the dashboard must not be showing a
 * refusal already: that one could not be told apart from this attempt's.
 */
export async function connectFromDashboard(vscode: Session, dashboard: FrameLocator, typedPassword?: string): Promise<ConnectOutcome> {
  await dashboard.locator(`${CONNECTION} vscode-button`, { hasText: /^\s*Connect\s*$/ }).click();
  if (typedPassword !== undefined) await answerPasswordPrompt(vscode, dashboard, typedPassword);
  const connected = dashboard.locator(`${CONNECTION} dt`, { hasText: 'Server version' });
  const refused = dashboard.locator(`${CONNECTION}:has(${ENABLED}) p[role="alert"]`);
  await connected.or(refused).first().waitFor({ state: 'visible', timeout: 60_000 });
  if (await connected.isVisible()) return { connected: true, serverVersion: await connected.locator('xpath=following-sibling::dd[1]').innerText() };
  return { connected: false, reason: await refused.innerText() };
}

async function answerPasswordPrompt(vscode: Session, dashboard: FrameLocator, password: string): Promise<void> {
  const prompt = vscode.page.locator('.quick-input-widget input[type="password"]');
  await prompt.waitFor({ state: 'visible', timeout: 30_000 });
  // The dashboard stays busy until the prompt is answered, so what it shows after that is new.
  await dashboard.locator(`${CONNECTION} vscode-button[disabled]`).waitFor({ state: 'visible', timeout: 10_000 });
  vscode.typedSecrets.add(password);
  await prompt.fill(password);
  await vscode.page.keyboard.press('Enter');
}

/** "PostgreSQL: Disconnect" for the server, then the dashboard's Refresh: it shows Connect again. */
export async function disconnect(page: Page, dashboard: FrameLocator, profileName: string): Promise<void> {
  await runCommandAndPick(page, 'PostgreSQL: Disconnect', profileName);
  await dashboard.locator('header vscode-button', { hasText: 'Refresh' }).click();
  await waitUntilDisconnected(dashboard);
}

/** The dashboard's own Disconnect: the connection closes and Connect is offered again. */
export async function disconnectFromDashboard(dashboard: FrameLocator): Promise<void> {
  await dashboard.locator(`${CONNECTION} ${ENABLED}`, { hasText: 'Disconnect' }).click();
  await waitUntilDisconnected(dashboard);
}

async function waitUntilDisconnected(dashboard: FrameLocator): Promise<void> {
  await dashboard.locator(CONNECTION, { hasText: 'Not connected.' }).waitFor({ state: 'visible', timeout: 30_000 });
  await dashboard.locator(`${CONNECTION} ${ENABLED}`, { hasText: /^\s*Connect\s*$/ }).waitFor({ state: 'visible', timeout: 30_000 });
}
