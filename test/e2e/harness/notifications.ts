import type { Locator, Page } from 'playwright-core';
import { runCommandUntil } from './palette';
import { waitFor } from './waitFor';

export interface ShownNotification {
  message: string;
  buttons: string[];
}

/**
 * Notifications are read in the notification center, never as toasts: toasts show only as many as
 * fit the window's height, the next one can push one off the screen between finding it and
 * clicking it, and some hide after a while. The center lists every notification of the window.
 */
const center = '.notifications-center';
const entries = `${center} .notification-list-item`;
const buttons = '.notification-list-item-buttons-container .monaco-button';

async function openNotificationCenter(page: Page): Promise<void> {
  if (await page.locator(center).isVisible()) return;
  await runCommandUntil(page, 'Notifications: Show Notifications', () => page.locator(center).waitFor({ state: 'visible', timeout: 10_000 }));
}

/**
 * Every notification of the window, newest first. Read in one pass in the page: a notification
 * that goes between finding the entries and reading one (a progress notification ending) would
 * leave a locator of the list pointing at nothing.
 */
export async function shownNotifications(page: Page): Promise<ShownNotification[]> {
  await openNotificationCenter(page);
  return page.locator(entries).evaluateAll(
    (items, buttonSelector) =>
      items.map((item) => ({
        message: (item.querySelector<HTMLElement>('.notification-list-item-message')?.innerText ?? '').trim(),
        buttons: [...item.querySelectorAll<HTMLElement>(buttonSelector)].map((b) => b.innerText.trim()),
      })),
    buttons,
  );
}

/** The notification whose message contains `text`, once it shows, expanded to show its buttons. */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 60_000): Promise<Locator> {
  const entry = page.locator(entries).filter({ has: page.locator('.notification-list-item-message', { hasText: text }) }).first();
  await waitFor(`the notification '${String(text)}'`, async () => {
    // VS Code closes the center whenever its last notification goes: open it again.
    await openNotificationCenter(page);
    return entry.isVisible();
  }, timeoutMs, 250);
  // A collapsed entry hides its buttons. Its message is not clicked to expand it: it may hold a link.
  // A one-line entry without buttons has nothing to expand, and VS Code shows it no toggle.
  const expand = entry.locator('.codicon-notifications-expand');
  if (!(await entry.locator(buttons).first().isVisible()) && (await expand.isVisible())) await expand.click();
  return entry;
}

export async function clickNotificationButton(page: Page, text: string | RegExp, button: string, timeoutMs = 60_000): Promise<void> {
  const notification = await waitForNotification(page, text, timeoutMs);
  await notification.locator(buttons, { hasText: button }).first().click();
}
