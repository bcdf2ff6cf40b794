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

/** Runs an action of a row's context menu, as a right-click on it would. */
export async function chooseTreeItemAction(page: Page, viewTitle: string, label: string | RegExp, action: string): Promise<void> {
  const row = await waitForTreeItem(page, viewTitle, label);
  await row.click({ button: 'right' });
  const item = page.locator('.monaco-menu .action-item .action-label', { hasText: new RegExp(`^${action}$`) }).first();
  await item.waitFor({ state: 'visible', timeout: 10_000 });
  // A row re-rendered under the open menu (its elapsed time ticks) can swallow a click: the
  // keyboard on the hovered item is what VS Code's menu always takes.
  await item.hover();
  await page.keyboard.press('Enter');
  await item.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The description VS Code shows beside a row's label (a deployment's status). */
export async function treeItemDescription(page: Page, viewTitle: string, label: string | RegExp): Promise<string> {
  const row = await waitForTreeItem(page, viewTitle, label);
  return (await row.locator('.label-description').innerText()).trim();
}
