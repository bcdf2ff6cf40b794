import type { Locator, Page } from 'playwright-core';

export interface ShownNotification {
  message: string;
  buttons: string[];
}

const item = '.notification-list-item';

/** Toasts on screen now, in the order VS Code stacks them (newest first). */
export async function visibleNotifications(page: Page): Promise<ShownNotification[]> {
  const toasts = page.locator(`.notifications-toasts ${item}`);
  const shown: ShownNotification[] = [];
  for (const toast of await toasts.all()) {
    if (!(await toast.isVisible())) continue;
    shown.push({
      message: (await toast.locator('.notification-list-item-message').innerText()).trim(),
      buttons: (await toast.locator('.notification-list-item-buttons-container .monaco-button').allInnerTexts()).map((b) => b.trim()),
    });
  }
  return shown;
}

/** The toast whose message contains `text`, once it shows. */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 60_000): Promise<Locator> {
  const toast = page.locator(`.notifications-toasts ${item}`)
    .filter({ has: page.locator('.notification-list-item-message', { hasText: text }) }).first();
  await toast.waitFor({ state: 'visible', timeout: timeoutMs });
  return toast;
}

export async function clickNotificationButton(page: Page, text: string | RegExp, button: string, timeoutMs = 60_000): Promise<void> {
  const toast = await waitForNotification(page, text, timeoutMs);
  await toast.locator('.notification-list-item-buttons-container .monaco-button', { hasText: button }).first().click();
}
