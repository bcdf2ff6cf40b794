import type { FrameLocator, Page } from 'playwright-core';
import { startSandbox } from '../sandbox';
import { CREATE_FORM_MARKS } from '../machines/webview/createFormMarks';
import { CREATE_COMMAND, findCreateForm } from '../test/e2e/flows/createServerForm';
import { offeredCommand, runCommand } from '../test/e2e/harness/palette';
import { startVsCode } from '../test/e2e/harness/vscodeSession';
import { waitFor } from '../test/e2e/harness/waitFor';
import { round, spread } from './figures';

const OPENINGS = 7;

interface Opening {
  /** The click on the palette's row → the webview document's start (its performance.timeOrigin). */
  commandToWebviewLoadMs: number;
  /** VS Code's own page in the frame loaded (the webview loaded) → the form's fields on screen and enabled. */
  interactiveMs: number;
  /** The document's start → the fields on screen: VS Code's page in the frame (fake.html) loading, then ours. */
  documentStartToInteractiveMs: number;
  /** Of that, the document's start → VS Code's own page in the frame (fake.html) loaded; it then writes ours in. */
  vsCodePageMs: number;
  /** Of that, the document's start → its loading state rendered and 'ready' posted (bundle loaded, React's first render). */
  loadingStateMs: number;
  /** After the form is interactive: 'ready' posted → the host's subscription listing (a catalog call) arrived. */
  subscriptionsWaitMs: number;
}

/**
 * The create form's start in a real VS Code (code-server, the packaged extension against the ARM
 * sandbox, headless Chromium): "Create … Flexible Server" run from the palette, then the form closed
 * (Close All Editors) and opened again; median of 7 openings, the first included. Measures, from the
 * webview's own marks (machines/webview/createFormMarks.ts), the time from the webview loaded (the
 * frame's page, VS Code's fake.html, loaded: VS Code then writes ours in) to the form's fields on
 * screen and enabled (`createFormInteractiveMs`); from the webview document's start, which counts
 * VS Code's page too (`createFormDocumentStartToInteractiveMs`); and from the click on the command
 * to that document's start (`createFormCommandToWebviewLoadMs`, for context). Leaves out the
 * catalog calls, which the form no longer waits for: the subscriptions, the client IP, and what
 * follows the subscription and the location load after the form is interactive (the subscriptions'
 * wait is logged). The command-to-load figure compares the browser's clock with Node's (both wall
 * clocks, same host). Installs dist/pgflex.vsix as it is: run after runBundleBench, which packages it.
 */
export async function runCreateFormInteractiveBench(log: (line: string) => void): Promise<Record<string, number>> {
  log('\n# create form start in code-server');
  const sandbox = await startSandbox({ port: 0, speed: 20, postgres: 'none' });
  try {
    const vscode = await startVsCode({ name: 'bench-create-form-interactive', sandbox });
    try {
      const openings: Opening[] = [];
      for (let i = 0; i < OPENINGS; i++) openings.push(await openAndClose(vscode.page));
      const interactive = spread(openings.map((o) => o.interactiveMs));
      const fromDocumentStart = spread(openings.map((o) => o.documentStartToInteractiveMs));
      const load = spread(openings.map((o) => o.commandToWebviewLoadMs));
      const vsCodePage = spread(openings.map((o) => o.vsCodePageMs));
      const loading = spread(openings.map((o) => o.loadingStateMs));
      const wait = spread(openings.map((o) => o.subscriptionsWaitMs));
      log(`webview loaded → form interactive, catalog calls excluded, min / median / max of ${OPENINGS}: ${interactive.min} / ${interactive.median} / ${interactive.max} ms (in order: ${openings.map((o) => o.interactiveMs).join(', ')})`);
      log(`webview document start → form interactive, median: ${fromDocumentStart.median} ms, of which VS Code's own page in the frame loading (fake.html, before ours is written in): ${vsCodePage.median} ms`);
      log(`webview document start → its loading state and 'ready', median: ${loading.median} ms`);
      log(`command → webview document start, median: ${load.median} ms (in order: ${openings.map((o) => o.commandToWebviewLoadMs).join(', ')})`);
      log(`after the form is interactive, 'ready' → the subscriptions listed, median: ${wait.median} ms`);
      return {
        createFormInteractiveMs: interactive.median,
        createFormDocumentStartToInteractiveMs: fromDocumentStart.median,
        createFormCommandToWebviewLoadMs: load.median,
      };
    } finally {
      await vscode.close();
    }
  } finally {
    await sandbox.stop();
  }
}

async function openAndClose(page: Page): Promise<Opening> {
  const row = await offeredCommand(page, CREATE_COMMAND);
  const clickedAt = Date.now();
  await row.click();
  const form = await findCreateForm(page);
  if (await form.locator('vscode-textfield#serverName[disabled]').count()) throw new Error('the form showed its server name disabled');
  const marks = await readMarks(form);
  await runCommand(page, 'View: Close All Editors');
  await waitFor('the create form to close', async () => (await page.locator('iframe.webview').count()) === 0, 30_000);
  return {
    commandToWebviewLoadMs: round(marks.timeOrigin - clickedAt, 1),
    interactiveMs: round(marks.interactive - marks.vsCodePageLoaded, 1),
    documentStartToInteractiveMs: round(marks.interactive, 1),
    vsCodePageMs: round(marks.vsCodePageLoaded, 1),
    loadingStateMs: round(marks.readyPosted, 1),
    subscriptionsWaitMs: round(marks.subscriptionsArrived - marks.readyPosted, 1),
  };
}

type Marks = Record<keyof typeof CREATE_FORM_MARKS, number> & { timeOrigin: number; vsCodePageLoaded: number };

/** The marks' times since the document's start, once the form has marked itself interactive. */
async function readMarks(form: FrameLocator): Promise<Marks> {
  const body = form.locator('body');
  const read = () =>
    // No named function inside: tsx would wrap it in a helper the page does not have.
    body.evaluate((_, names) => ({
      timeOrigin: performance.timeOrigin,
      // The frame's navigation is VS Code's fake.html; the document our HTML is written into keeps its timeline.
      vsCodePageLoaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd,
      ...Object.fromEntries(Object.entries(names).map(([key, name]) => [key, performance.getEntriesByName(name, 'mark')[0]?.startTime])),
    }), CREATE_FORM_MARKS) as Promise<Partial<Marks>>;
  let marks: Partial<Marks> = {};
  await waitFor('the create form to mark itself interactive and its subscriptions listed', async () => {
    marks = await read();
    return marks.interactive !== undefined && marks.subscriptionsArrived !== undefined;
  }, 30_000);
  return marks as Marks;
}
