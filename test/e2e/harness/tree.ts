import type { Locator, Page } from 'playwright-core';
import { runCommand } from './palette';

/** Shows a contributed view through the "Focus on … View" command VS Code makes for every view. */
export async function showView(page: Page, containerTitle: string, viewTitle: string): Promise<void> {
  await runCommand(page, `${containerTitle}: Focus on ${viewTitle} View`);
  await viewPane(page, viewTitle).waitFor({ state: 'visible', timeout: 30_000 });
}

/** The pane of a view in the side bar, found by its header title (as VS Code shows it, any case). */
export function viewPane(page: Page, viewTitle: string): Locator {
  return page.locator('.pane').filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^${viewTitle}$`, 'i') }) }).first();
}

/** The labels of the rows a tree view shows now (expanded children included), top to bottom. */
export async function treeItems(page: Page, viewTitle: string): Promise<string[]> {
  const pane = viewPane(page, viewTitle);
  await pane.waitFor({ state: 'visible', timeout: 30_000 });
  const header = pane.locator('.pane-header');
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  const labels = await pane.locator('.monaco-list-row .label-name').allInnerTexts();
  return labels.map((label) => label.trim());
}

/** Opens a row's context menu and returns its entries' labels, top to bottom (the menu stays open). */
export async function contextMenuItems(page: Page, row: Locator): Promise<string[]> {
  await row.click({ button: 'right' });
  const items = page.locator('.monaco-menu .action-item .action-label');
  await items.first().waitFor({ state: 'visible', timeout: 10_000 });
  return (await items.allInnerTexts()).map((label) => label.trim()).filter(Boolean);
}

/** Clicks an entry of the open context menu. */
export async function clickContextMenuItem(page: Page, label: string): Promise<void> {
  await page.locator('.monaco-menu .action-item .action-label', { hasText: label }).first().click();
}

/** Waits until the view shows a row whose label contains `label`, and returns that row. */
export async function waitForTreeItem(page: Page, viewTitle: string, label: string | RegExp, timeoutMs = 60_000): Promise<Locator> {
  const row = viewPane(page, viewTitle).locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: label }) }).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  return row;
}

/**
 * Runs an action of a row's context menu, as a right-click on it would, and waits for `ran` (the
 * action's first visible effect). The menu is driven by the keyboard — arrow down until the action
 * has the focus, then Enter — because the Deployments rows re-render every second (their elapsed
 * time ticks), and a pointer hover on the menu then may not land. A menu that closed without the
 * effect showing, or that never opened, is opened again, at most three times; each retry is
 * printed, so a flaky menu stays visible in the test's output.
 */
export async function chooseTreeItemAction(page: Page, viewTitle: string, label: string | RegExp, action: string, ran: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A right-click that lands while the row re-renders opens no menu: that is retried too.
      await pickFromContextMenu(page, await waitForTreeItem(page, viewTitle, label), action);
      await ran();
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      console.warn(`'${action}' on '${String(label)}' showed no effect (attempt ${attempt}): opening the menu again`);
      await page.keyboard.press('Escape');
    }
  }
}

async function pickFromContextMenu(page: Page, row: Locator, action: string): Promise<void> {
  await row.click({ button: 'right' });
  const item = page.locator('.monaco-menu .action-item .action-label', { hasText: new RegExp(`^${action}$`) }).first();
  await item.waitFor({ state: 'visible', timeout: 10_000 });
  const focused = page.locator('.monaco-menu .action-item.focused .action-label').first();
  const focusedLabel = async () => (await focused.innerText({ timeout: 1_000 }).catch(() => '')).trim();
  // The menu has a few dozen entries at most; arrow down wraps around, so this meets every one.
  for (let step = 0; step < 40 && (await focusedLabel()) !== action; step++) await page.keyboard.press('ArrowDown');
  if ((await focusedLabel()) !== action) throw new Error(`The context menu never focused '${action}'.`);
  await page.keyboard.press('Enter');
  await item.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The description VS Code shows beside a row's label (a deployment's status). */
export async function treeItemDescription(page: Page, viewTitle: string, label: string | RegExp): Promise<string> {
  const row = await waitForTreeItem(page, viewTitle, label);
  return (await row.locator('.label-description').innerText()).trim();
}
