import type { FrameLocator, Page } from 'playwright-core';
import { waitFor } from './waitFor';

/**
 * A webview's document is two iframes deep: the outer `iframe.webview` (VS Code's shim, named by a
 * unique id) hosts `iframe#active-frame`, which holds the extension's HTML.
 */
function webviewByName(page: Page, name: string): FrameLocator {
  return page.locator(`iframe.webview[name="${name}"]`).contentFrame().frameLocator('iframe#active-frame');
}

/** What tells a webview apart: an element it shows, or a check of its document. */
export type WebviewMatch = string | ((content: FrameLocator) => Promise<boolean>);

/**
 * The loaded webviews that `match`. A panel in a background tab keeps its document
 * (retainContextWhenHidden) while VS Code hides the container of its outer iframe: on screen means
 * that iframe is visible.
 */
async function matchingWebviews(page: Page, match: WebviewMatch, where: 'onScreen' | 'anywhere'): Promise<FrameLocator[]> {
  const found: FrameLocator[] = [];
  for (const frame of await page.locator('iframe.webview.ready').all()) {
    const name = await frame.getAttribute('name').catch(() => null);
    if (!name) continue;
    if (where === 'onScreen' && !(await frame.isVisible().catch(() => false))) continue;
    const content = webviewByName(page, name);
    if (await matches(content, match, where).catch(() => false)) found.push(content);
  }
  return found;
}

async function matches(content: FrameLocator, match: WebviewMatch, where: 'onScreen' | 'anywhere'): Promise<boolean> {
  if (typeof match !== 'string') return match(content);
  const element = content.locator(match).first();
  return where === 'onScreen' ? element.isVisible() : (await element.count()) > 0;
}

/**
 * The webview on screen that `match`es, once exactly one does. One in a background tab is never
 * chosen, and two on screen are not a choice either: `match` must name what is unique to the
 * webview (its server's name, what a Retry filled in), not what all of its kind show (a title).
 */
export async function findWebview(page: Page, match: WebviewMatch, timeoutMs = 60_000): Promise<FrameLocator> {
  let shown: FrameLocator[] = [];
  const what = typeof match === 'string' ? `'${match}'` : 'its match';
  await waitFor(`exactly one webview on screen showing ${what}`, async () => {
    shown = await matchingWebviews(page, match, 'onScreen');
    return shown.length === 1;
  }, timeoutMs).catch((error: unknown) => {
    throw shown.length > 1 ? new Error(`${shown.length} webviews on screen show ${what}: which one is meant would be a guess`) : error;
  });
  return shown[0];
}

/**
 * The one webview on screen, in any of these windows, that `match`es: for what exactly one of
 * several windows shows, whichever it is (the window that owns a deployment opens its dashboard).
 */
export async function findWebviewInOneOf(pages: Page[], match: WebviewMatch, timeoutMs = 60_000): Promise<{ page: Page; content: FrameLocator }> {
  let shown: { page: Page; content: FrameLocator }[] = [];
  const what = typeof match === 'string' ? `'${match}'` : 'its match';
  await waitFor(`exactly one webview on screen in ${pages.length} windows showing ${what}`, async () => {
    shown = [];
    for (const page of pages) {
      for (const content of await matchingWebviews(page, match, 'onScreen')) shown.push({ page, content });
    }
    return shown.length === 1;
  }, timeoutMs).catch((error: unknown) => {
    throw shown.length > 1 ? new Error(`${shown.length} webviews on screen show ${what}`) : error;
  });
  return shown[0];
}

/** How many loaded webviews hold `selector` in their document, on screen or in a background tab. */
export async function countWebviewsWith(page: Page, selector: string): Promise<number> {
  return (await matchingWebviews(page, selector, 'anywhere')).length;
}
