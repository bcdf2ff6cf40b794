import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox';
import { packageFixtureExtension } from './harness/fixtureExtension';
import { runCommandUntil } from './harness/palette';
import { repoRoot } from './harness/paths';
import type { RunDirs } from './harness/runDirs';
import { startVsCode, type VsCodeSession } from './harness/vscodeSession';
import { findWebview } from './harness/webview';

/** A translator's German, made up: every text marked, so one left in English shows. */
const german = (text: string) => `[de] ${text}`;
const translated = (file: string) =>
  Object.fromEntries(Object.entries(JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as Record<string, string>).map(([key, text]) => [key, german(text)]));
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;

/**
 * German as VS Code's display language. VS Code records a language pack in languagepacks.json when
 * it installs one from its UI; code-server's `--install-extension` does not, so the test does.
 */
function recordLanguagePack(dirs: RunDirs): void {
  const pack = readdirSync(dirs.extensions).find((name) => name.startsWith('pgflex-test.language-pack-de-'))!;
  const languagePacks = {
    de: {
      hash: 'test',
      label: 'Deutsch',
      extensions: [{ extensionIdentifier: { id: 'pgflex-test.language-pack-de' }, version: '0.0.1' }],
      translations: { vscode: join(dirs.extensions, pack, 'translations', 'main.i18n.json') },
    },
  };
  writeFileSync(join(dirs.userData, 'languagepacks.json'), JSON.stringify(languagePacks));
}

/** What a translation adds to the extension as it is installed: files beside the code, no code changed. */
function addGermanTo(dirs: RunDirs): void {
  const installed = readdirSync(dirs.extensions).find((name) => name.startsWith('pgflex.pgflex-'))!;
  writeFileSync(join(dirs.extensions, installed, 'package.nls.de.json'), JSON.stringify(translated('package.nls.json')));
  writeFileSync(join(dirs.extensions, installed, 'l10n', 'bundle.l10n.de.json'), JSON.stringify(translated('l10n/bundle.l10n.json')));
}

// The extension in a German VS Code: the manifest's strings come from package.nls.de.json, the
// host's from l10n/bundle.l10n.de.json, and the webview's from the same bundle, handed over by the host.
describe('the extension in a translated VS Code', () => {
  let sandbox: Sandbox;
  let vscode: VsCodeSession;
  let packs: string;

  beforeAll(async () => {
    packs = mkdtempSync(join(tmpdir(), 'pgflex-packs-'));
    sandbox = await startSandbox({ speed: 200, postgres: 'none' });
    vscode = await startVsCode({
      name: 'translated',
      sandbox,
      alongside: [packageFixtureExtension('language-pack-de', packs)],
      locale: 'de',
      beforeStart: (dirs) => {
        recordLanguagePack(dirs);
        addGermanTo(dirs);
      },
    });
  });

  afterAll(async () => {
    await vscode?.close();
    await sandbox?.stop();
    rmSync(packs, { recursive: true, force: true });
  });

  it('shows the command, the form tab, the form and its fields in German', async () => {
    const command = `${german(nls['category.postgresql'])}: ${german(nls['pgsql.createFlexServer.title'])}`;
    const heading = `h1:text("${german('Create Azure Database for PostgreSQL Flexible Server')}")`;
    await runCommandUntil(vscode.page, command, () => findWebview(vscode.page, heading, 30_000));
    await vscode.shot('create-form');
    // The tab title is the host's text (src/webview/createFormTitle.ts).
    await vscode.page.locator('.tab .label-name', { hasText: german('Create PostgreSQL Flexible Server') }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const form = await findWebview(vscode.page, heading);
    await form.getByText(german('Server name'), { exact: true }).first().waitFor({ state: 'visible', timeout: 10_000 });
    // The page says its language, so a screen reader reads it as German.
    await form.locator('html[lang="de"]').waitFor({ state: 'attached', timeout: 10_000 });
    const labels = (await form.locator('label').allTextContents()).map((text) => text.trim()).filter(Boolean);
    expect(labels.length).toBeGreaterThan(10);
    expect(labels.filter((label) => !label.startsWith('[de] '))).toEqual([]);
  });
});
