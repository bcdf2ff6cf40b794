import type { Locator, Page } from 'playwright-core';

const input = '.quick-input-widget input';
const rows = '.quick-input-list .monaco-list-row';

/** F1 sometimes lands before the workbench takes keyboard focus: press again until it opens. */
export async function openCommandPalette(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await page.locator(input).waitFor({ state: 'visible', timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}

function rowTitled(page: Page, title: string): Locator {
  return page.locator(rows).filter({ has: page.locator('.label-name', { hasText: title }) }).first();
}

/**
 * Opens the palette, types the query and waits for a row with that title. An extension's
 * commands appear only once its extension host has registered, a few seconds after the
 * workbench shows; and a panel that opens meanwhile (a webview taking the focus) closes the
 * palette: so close and try again until `timeoutMs`.
 */
async function findCommand(page: Page, title: string, timeoutMs: number): Promise<Locator | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await openCommandPalette(page);
    const row = rowTitled(page, title);
    try {
      // Into the input itself, not wherever the keyboard's focus went meanwhile.
      await page.locator(input).fill(`>${title}`, { timeout: 2_000 });
      await row.waitFor({ state: 'visible', timeout: 2_000 });
      return row;
    } catch {
      // The palette lists the commands registered when it opened: reopen it to see new ones.
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) return undefined;
    }
  }
}

/** Whether the palette offers a command with this title (e.g. to prove it is contributed). */
export async function hasCommand(page: Page, title: string, timeoutMs = 30_000): Promise<boolean> {
  const row = await findCommand(page, title, timeoutMs);
  if (row) await page.keyboard.press('Escape');
  return row !== undefined;
}

/**
 * The palette open with the command's row showing, for a caller that times the click itself
 * (the bench); `runCommand` clicks it at once.
 */
export async function offeredCommand(page: Page, title: string, timeoutMs = 30_000): Promise<Locator> {
  const row = await findCommand(page, title, timeoutMs);
  if (!row) throw new Error(`the command palette offers no command titled '${title}'`);
  return row;
}

/**
 * Runs a command by its full palette title ("Category: Title"). A panel or notification that
 * opens meanwhile (the dashboard of a server the last test created) takes the focus and closes
 * the palette between finding the row and clicking it: then open the palette again.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await offeredCommand(page, title, Math.max(deadline - Date.now(), 0));
    try {
      // Limits, not waits: a click lands at once, but on cores oversubscribed tenfold (an e2e run
      // beside mutation testing and builds) one took over 5 s and a command over 30 s to be listed.
      await row.click({ timeout: 15_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Runs a command until what it shows is there (`shown` resolves): a click on the palette's row can
 * be lost while the workbench redraws (a window still activating its extensions, a busy machine).
 * Only for a command that running twice does no harm: it opens a view, or brings it to the front.
 */
export async function runCommandUntil(page: Page, title: string, shown: () => Promise<unknown>, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, title);
    try {
      await shown();
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
    }
  }
}

/**
 * Runs a command that asks for one of its items in a quick pick, and picks the item. A panel that
 * takes the focus meanwhile (a dashboard refreshing) closes the pick and leaves its rows in the DOM,
 * hidden: the click then waits on a row nobody sees, so run the command again. Only for a command
 * whose pick, unanswered, does nothing.
 */
export async function runCommandAndPick(page: Page, title: string, item: string, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, title);
    try {
      await page.locator(rows, { hasText: item }).first().click({ timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
