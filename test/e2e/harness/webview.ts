import type { FrameLocator, Page } from 'playwright-core';

/**
 * A webview's document is two iframes deep: the outer `iframe.webview` hosts VS Code's shim, whose
 * `iframe#active-frame` holds the extension's HTML. Hidden webviews stay in the page, so only the
 * visible one is picked; `title` narrows it to the editor tab's panel title where several show.
 */
export function webviewContent(page: Page, title?: string): FrameLocator {
  const outer = title
    ? page.locator(`iframe.webview.ready[title="${title.replace(/"/g, '\\"')}"]`)
    : page.locator('iframe.webview.ready').locator('visible=true');
  return outer.first().contentFrame().frameLocator('iframe#active-frame');
}

/** Waits until a webview shows and has rendered `selector`, and returns its content. */
export async function waitForWebview(page: Page, selector: string, timeoutMs = 60_000, title?: string): Promise<FrameLocator> {
  const content = webviewContent(page, title);
  await content.locator(selector).first().waitFor({ state: 'visible', timeout: timeoutMs });
  return content;
}
