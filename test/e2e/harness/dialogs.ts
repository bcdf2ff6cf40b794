import type { Page } from 'playwright-core';

export interface ShownDialog {
  message: string;
  buttons: string[];
}

const box = '.monaco-dialog-box';

/** A modal message (`showInformationMessage(…, { modal: true })`), which code-server draws in the page. */
export async function waitForDialog(page: Page, timeoutMs = 30_000): Promise<ShownDialog> {
  await page.locator(box).waitFor({ state: 'visible', timeout: timeoutMs });
  return {
    message: (await page.locator(`${box} .dialog-message-container`).innerText()).trim(),
    buttons: (await page.locator(`${box} .dialog-buttons-row .monaco-button`).allInnerTexts()).map((b) => b.trim()),
  };
}

export async function clickDialogButton(page: Page, button: string): Promise<void> {
  await page.locator(`${box} .dialog-buttons-row .monaco-button`, { hasText: button }).first().click();
  await page.locator(box).waitFor({ state: 'hidden', timeout: 10_000 });
}
