import type { BrowserContext, Page } from 'playwright-core';

/** Opens (or re-opens) the workbench in the context's first tab and waits for the status bar. */
export async function openWorkbench(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await waitForWorkbench(page);
  return page;
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .statusbar').waitFor({ state: 'visible', timeout: 60_000 });
}
