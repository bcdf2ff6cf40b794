import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox';
import { startVsCode, type VsCodeSession } from './harness/vscodeSession';
import { hasCommand, runCommand } from './harness/palette';
import { outputChannelText } from './harness/outputChannel';
import { repoRoot } from './harness/paths';
import { viewPane } from './harness/tree';
import { waitFor } from './harness/waitFor';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
    views: Record<string, { id: string; name: string }[]>;
  };
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
// The manifest names its strings (%key%); VS Code shows their English text from package.nls.json.
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const shown = (text: string) => text.replace(/^%([\w.-]+)%$/, (_, key: string) => nls[key] ?? text);
const hiddenFromPalette = new Set(manifest.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
const paletteTitles = manifest.contributes.commands.filter((c) => !hiddenFromPalette.has(c.command)).map((c) => `${shown(c.category)}: ${shown(c.title)}`);
const viewNames = Object.values(manifest.contributes.views).flat().map((v) => shown(v.name));

// Proves the harness end to end and the extension's start in a real VS Code: the packaged .vsix
// installs into code-server, activates against the sandbox without an error, and every view and
// palette command it contributes reaches the workbench.
describe('the extension in code-server', () => {
  let sandbox: Sandbox;
  let vscode: VsCodeSession;

  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 200, postgres: 'none' });
    vscode = await startVsCode({ name: 'activation', sandbox });
  });

  afterAll(async () => {
    await vscode?.close();
    await sandbox?.stop();
  });

  it('activates in sandbox mode, logs to its output channel, and reports no error', async () => {
    const log = () => outputChannelText(vscode.dirs, 'PostgreSQL Flexible Server');
    await waitFor('the activation line', () => log().includes('Activated;'), 60_000);
    await vscode.shot('activated');
    expect(log()).toContain(`sandbox mode, ARM at ${sandbox.url}`);
    expect(log()).toContain('Activated; 0 deployment record(s) tracked.');
    expect(log().split('\n').filter((line) => line.includes('[error]'))).toEqual([]);
    // A failed activate() is logged by the extension host (code-server's remote one), not by the extension.
    const hostLog = outputChannelText(vscode.dirs, 'remoteexthost');
    expect(hostLog).toContain('_doActivateExtension pgflex.pgflex');
    expect(hostLog.split('\n').filter((line) => line.includes('[error]') && line.includes('pgflex'))).toEqual([]);
  });

  it('shows the views it contributes', async () => {
    await runCommand(vscode.page, 'PostgreSQL: Show Flex Server Deployments');
    for (const name of viewNames) await viewPane(vscode.page, name).waitFor({ state: 'visible', timeout: 30_000 });
    await vscode.shot('views');
  });

  it('offers every command it contributes to the palette', async () => {
    const missing: string[] = [];
    for (const title of paletteTitles) if (!(await hasCommand(vscode.page, title))) missing.push(title);
    expect(missing).toEqual([]);
  });
});
