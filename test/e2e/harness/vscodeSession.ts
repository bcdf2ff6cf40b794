import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createRunDirs, removeRunDirs, writeUserSettings, type RunDirs } from './runDirs';
import { wireSandbox } from './sandboxSettings';
import { installExtension, startCodeServer, type CodeServer } from './codeServer';
import { killBrowser, launchBrowser } from './browser';
import { openWorkbench, waitForWorkbench } from './workbench';
import { runCommand } from './palette';
import { stepShots, type StepShots } from './screenshots';
import { extensionVsix } from './paths';
import { describeSecretTraces, findSecretTraces } from './secretScan';

export interface VsCodeSessionOptions {
  /** Names the screenshot folder test-results/<name>/ and the run's temporary folders. */
  name: string;
  /** Defaults to dist/pgflex.vsix, which the e2e run's global setup packages afresh. */
  vsix?: string;
  /** User settings for the extension (e.g. the sandbox endpoint), on top of the workbench defaults. */
  settings?: Record<string, unknown>;
  /** Environment for code-server and its extension hosts. */
  env?: Record<string, string>;
  /** A running ARM sandbox to point the extension at (endpoint and CA settings, NODE_EXTRA_CA_CERTS). */
  sandbox?: { url: string; ca: string };
  /** VS Code's telemetry on (see CodeServerOptions.telemetry); off by default. */
  telemetry?: boolean;
  /** Other extensions to install beside it (.vsix paths), e.g. a language pack. */
  alongside?: string[];
  /** VS Code's display language (see CodeServerOptions.locale). */
  locale?: string;
  /** Runs once the extensions are installed and before VS Code starts, e.g. to add a translation to one. */
  beforeStart?: (dirs: RunDirs) => void;
}

/** One VS Code "installation": its folders, its server, one browser profile and the first window. */
export interface VsCodeSession {
  readonly dirs: RunDirs;
  readonly server: CodeServer;
  /** Replaced when `crashAndRestart({ browserToo: true })` relaunches it on the same profile. */
  readonly browser: BrowserContext;
  /** The first window; replaced after `crashAndRestart`. */
  readonly page: Page;
  readonly shots: StepShots;
  /**
   * The passwords typed into this session's windows; the form driver adds each one it types, and
   * `close()` fails if any of them is left in plain text in the run's folders.
   */
  readonly typedSecrets: Set<string>;
  /** Screenshot of the first window, numbered in step order. */
  shot(step: string): Promise<string>;
  /** "Developer: Reload Window": a new extension host, same browser storage. */
  reload(page?: Page): Promise<void>;
  /** Another window on the same server and profile: a second extension host sharing globalState. */
  openWindow(): Promise<Page>;
  /**
   * SIGKILL the whole code-server process group, start it again on the same folders and reopen the
   * window. With `browserToo`, Chromium is SIGKILLed as well (globalState lives in its IndexedDB,
   * so this is the harsher crash: a just-resolved globalState write can be lost).
   */
  crashAndRestart(options?: { browserToo?: boolean }): Promise<void>;
  /**
   * Stops the browser and code-server, searches the run's folders (user data, browser profile, …)
   * for the typed secrets, removes the folders, and throws if a secret was found.
   */
  close(): Promise<void>;
}

export async function startVsCode(options: VsCodeSessionOptions): Promise<VsCodeSession> {
  const vsix = options.vsix ?? extensionVsix;
  const dirs = createRunDirs(options.name);
  const wiring = options.sandbox ? wireSandbox(options.sandbox, dirs.root) : undefined;
  writeUserSettings(dirs, { ...wiring?.settings, ...options.settings });
  const shots = stepShots(options.name);
  const typedSecrets = new Set<string>();
  for (const extension of [vsix, ...(options.alongside ?? [])]) await installExtension(dirs, extension);
  options.beforeStart?.(dirs);
  const env = { ...wiring?.env, ...options.env };
  const server = await startCodeServer({ dirs, logFile: join(shots.dir, 'code-server.log'), env, telemetry: options.telemetry, locale: options.locale });
  let browser: BrowserContext | undefined;
  try {
    let context = await launchBrowser(dirs.browserProfile);
    browser = context;
    let page = await openWorkbench(context, server.url);
    return {
      dirs,
      server,
      get browser() {
        return context;
      },
      get page() {
        return page;
      },
      shots,
      typedSecrets,
      shot: (step) => shots.shot(page, step),
      async reload(target = page) {
        const loaded = target.waitForEvent('load', { timeout: 60_000 });
        await runCommand(target, 'Developer: Reload Window');
        await loaded;
        await waitForWorkbench(target);
      },
      async openWindow() {
        const second = await context.newPage();
        await second.goto(server.url);
        await waitForWorkbench(second);
        return second;
      },
      async crashAndRestart({ browserToo = false } = {}) {
        await server.kill();
        if (browserToo) await killBrowser(dirs.browserProfile);
        await server.restart();
        if (browserToo) context = await launchBrowser(dirs.browserProfile);
        page = await openWorkbench(context, server.url);
      },
      async close() {
        await context.close().catch(() => {});
        await server.stop();
        // Only once both have stopped: Chromium writes its session files as it closes.
        const traces = findSecretTraces(dirs.root, [...typedSecrets]);
        removeRunDirs(dirs);
        if (traces.length > 0) throw new Error(`typed passwords left in plain text on disk:\n${describeSecretTraces(traces)}`);
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await server.stop();
    removeRunDirs(dirs);
    throw error;
  }
}
