import type { Locator, Page } from 'playwright-core';
import { runCommand } from './palette';

export interface ShownNotification {
  message: string;
  buttons: string[];
}

const item = '.notification-list-item';
const buttons = '.notification-list-item-buttons-container .monaco-button';

async function describe(toast: Locator): Promise<ShownNotification> {
  return {
    message: (await toast.locator('.notification-list-item-message').innerText()).trim(),
    buttons: (await toast.locator(buttons).allInnerTexts()).map((b) => b.trim()),
  };
}

/** Toasts on screen now, in the order VS Code stacks them (newest first). */
export async function visibleNotifications(page: Page): Promise<ShownNotification[]> {
  const shown: ShownNotification[] = [];
  for (const toast of await page.locator(`.notifications-toasts ${item}`).all()) {
    if (await toast.isVisible()) shown.push(await describe(toast));
  }
  return shown;
}

function notificationWith(page: Page, scope: string, text: string | RegExp): Locator {
  return page.locator(`${scope} ${item}`).filter({ has: page.locator('.notification-list-item-message', { hasText: text }) }).first();
}

/**
 * The notification whose message contains `text`, once it shows. Toasts that do not fit the
 * window's height stay only in the notification center, so after a few seconds that is opened too.
 */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 60_000): Promise<Locator> {
  const toast = notificationWith(page, '.notifications-toasts', text);
  const listed = notificationWith(page, '.notifications-center', text);
  const deadline = Date.now() + timeoutMs;
  let centerOpened = false;
  for (;;) {
    if (await toast.isVisible()) return toast;
    if (await listed.isVisible()) {
      // Only an expanded entry of the center shows its buttons.
      if (!(await listed.locator(buttons).first().isVisible())) await listed.locator('.notification-list-item-message').click();
      return listed;
    }
    if (Date.now() > deadline) throw new Error(`no notification '${String(text)}' after ${timeoutMs} ms`);
    if (!centerOpened && Date.now() > deadline - timeoutMs + 5_000) {
      await runCommand(page, 'Notifications: Show Notifications');
      centerOpened = true;
    }
    await page.waitForTimeout(250);
  }
}

export async function clickNotificationButton(page: Page, text: string | RegExp, button: string, timeoutMs = 60_000): Promise<void> {
  const notification = await waitForNotification(page, text, timeoutMs);
  await notification.locator(buttons, { hasText: button }).first().click();
}
