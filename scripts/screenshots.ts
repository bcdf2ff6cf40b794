// `npm run screenshots`: the README's pictures, taken from the packaged extension in code-server
// against the ARM sandbox, in VS Code's default dark and light themes: the create form filled in,
// its review with the cost estimate, and the dashboard of the server it created. Written to
// docs/screenshots/{form,review,dashboard}-{dark,light}.png, cropped to the editor area. Not part
// of `npm test`. One form serves both themes: the theme changes under it (VS Code applies a theme
// change to open webviews), so the pictures show the same choices.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startSandbox } from '../sandbox';
import { confirmCreate, fillCreateForm, openCreateForm, reviewCreateForm } from '../test/e2e/flows/createServerForm';
import { repoRoot } from '../test/e2e/harness/paths';
import { runCommand } from '../test/e2e/harness/palette';
import { startVsCode, type VsCodeSession } from '../test/e2e/harness/vscodeSession';
import { findWebview } from '../test/e2e/harness/webview';
import { quietly } from './quietly';

const OUT = join(repoRoot, 'docs/screenshots');
const SERVER = 'pgflex-demo';
/** The setting's value (`workbench.colorTheme`) and the label the theme picker shows. */
const THEMES = {
  dark: { id: 'Default Dark Modern', label: 'Dark Modern' },
  light: { id: 'Default Light Modern', label: 'Light Modern' },
} as const;
type Theme = keyof typeof THEMES;

async function main(): Promise<void> {
  console.log('Packaging the extension…');
  quietly('Building and packaging the extension', 'npm', ['run', '--silent', 'package']);
  mkdirSync(OUT, { recursive: true });
  // Speed 20 and short scripted durations: the server is ready within a minute.
  const sandbox = await startSandbox({ speed: 20 });
  sandbox.control.scriptOutcome(SERVER, { outcome: 'succeed', durations: { flexibleServers: 200, firewallRules: 60 } });
  let vscode: VsCodeSession | undefined;
  try {
    vscode = await startVsCode({
      name: 'screenshots',
      sandbox,
      settings: {
        'workbench.colorTheme': THEMES.dark.id,
        'pgsql.flexProvisioning.pollIntervalSeconds': 5,
        // code-server offers the sandbox's ports in a toast that would lie over the pictures.
        'remote.autoForwardPorts': false,
      },
    });
    await takeAll(vscode);
  } finally {
    await vscode?.close();
    await sandbox.stop();
  }
}

async function takeAll(vscode: VsCodeSession): Promise<void> {
  const form = await openCreateForm(vscode.page);
  await fillCreateForm(vscode, form, {
    serverName: SERVER,
    resourceGroup: 'rg-pgflex-dev',
    location: 'East US',
    options: { tier: 'General Purpose', backupRetentionDays: 14, tags: [{ name: 'env', value: 'dev' }] },
  });
  // The name checked with Azure: the picture shows its "… is available." under the field.
  await form.locator('vscode-form-helper', { hasText: `${SERVER}.postgres.database.azure.com is available.` }).waitFor({ state: 'visible', timeout: 30_000 });
  await capture(vscode.page, form, 'form', 'dark');
  await reviewCreateForm(form);
  await form.locator('dt', { hasText: 'Total per month' }).waitFor({ state: 'visible', timeout: 30_000 });
  await capture(vscode.page, form, 'review', 'dark');

  await useTheme(vscode.page, form, 'light');
  await capture(vscode.page, form, 'review', 'light');
  await form.locator('vscode-button', { hasText: /^\s*Back\s*$/ }).click();
  await form.locator('vscode-textfield#serverName').waitFor({ state: 'visible', timeout: 10_000 });
  await capture(vscode.page, form, 'form', 'light');

  await reviewCreateForm(form);
  await confirmCreate(form);
  const dashboard = await findWebview(vscode.page, `header h1:text-is("${SERVER}")`, 180_000);
  await dashboard.locator('text=Server version').first().waitFor({ state: 'visible', timeout: 60_000 });
  await capture(vscode.page, dashboard, 'dashboard', 'light');
  await useTheme(vscode.page, dashboard, 'dark');
  await capture(vscode.page, dashboard, 'dashboard', 'dark');
}

/**
 * Picks the colour theme as a person does ("Preferences: Color Theme"; an edit of settings.json was
 * not picked up here within 30 s) and waits until the webview has it too.
 */
async function useTheme(page: Page, webview: FrameLocator, theme: Theme): Promise<void> {
  const { label } = THEMES[theme];
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input').fill(label);
  // Clicked, not Enter: the picker opens on the current theme, and Enter would keep it.
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
  await row.first().click();
  await webview.locator(`body.vscode-${theme}`).waitFor({ state: 'attached', timeout: 30_000 });
}

/** The editor area (the webview with its tab), no toast over it, the webview scrolled to its top, nothing focused. */
async function capture(page: Page, webview: FrameLocator, view: string, theme: Theme): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notification-toast').first().waitFor({ state: 'detached', timeout: 10_000 });
  await webview.locator('body').evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const path = join(OUT, `${view}-${theme}.png`);
  await page.locator('.part.editor').screenshot({ path, animations: 'disabled' });
  console.log(`${path} (${Math.round(statSync(path).size / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(`npm run screenshots: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
