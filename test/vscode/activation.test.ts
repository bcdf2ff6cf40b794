/// <reference types="mocha" />
// Runs inside a desktop VS Code's extension host through @vscode/test-cli (`npm run test:vscode`),
// for people with a desktop VS Code and a network; here the same checks run in code-server
// (test/e2e/activation.e2e.test.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const contributed = ['pgsql.createFlexServer', 'pgsql.flexProvisioning.showDeployments', 'pgsql.clearStagedFlexProfiles'];

suite('pgflex in a desktop VS Code', () => {
  test('activates and registers the commands it contributes', async () => {
    const extension = vscode.extensions.getExtension('pgflex.pgflex');
    assert.ok(extension, 'the extension under development is loaded');
    await extension.activate();
    assert.equal(extension.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    assert.deepEqual(contributed.filter((command) => !commands.includes(command)), []);
  });

  test('Show Flex Server Deployments runs', async () => {
    await vscode.commands.executeCommand('pgsql.flexProvisioning.showDeployments');
  });
});
