import type { FrameLocator, Page } from 'playwright-core';

/**
 * A webview's document is two iframes deep: the outer `iframe.webview` (VS Code's shim, named by a
 * unique id) hosts `iframe#active-frame`, which holds the extension's HTML.
 */
function webviewByName(page: Page, name: string): FrameLocator {
  return page.locator(`iframe.webview[name="${name}"]`).contentFrame().frameLocator('iframe#active-frame');
}

/**
 * The webview whose document shows `selector` (e.g. the create form's heading), once one does.
 * Webviews are told apart by their content: the outer iframe carries no title.
 */
export async function findWebview(page: Page, selector: string, timeoutMs = 60_000): Promise<FrameLocator> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of await page.locator('iframe.webview.ready').all()) {
      const name = await frame.getAttribute('name').catch(() => null);
      if (!name) continue;
      const content = webviewByName(page, name);
      if (await content.locator(selector).first().isVisible().catch(() => false)) return content;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows '${selector}' after ${timeoutMs} ms`);
    await page.waitForTimeout(250);
  }
}

/** Whether any webview shows `selector` now. */
export async function webviewShows(page: Page, selector: string): Promise<boolean> {
  return findWebview(page, selector, 0).then(() => true, () => false);
}
