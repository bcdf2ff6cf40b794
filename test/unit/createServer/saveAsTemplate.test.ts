import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { buildFlexDeployment } from '../../../src/azure/flexProvisioning/flexTemplate';
import { templateFilesFor } from '../../../src/createServer/templateFiles';
import { chooseSubscriptionAndLocation, FakeCatalog, FakeLog, FakePanel, FakeTracker, FakeWindow, openCreatePanel, PRINCIPAL, settle, validRequest } from './fakes';

/** "Save as Template": the template Create would send, for `az deployment group create`, never the password. */

describe('the saved template', () => {
  it('is exactly the template Create sends, and its parameters file leaves the password out', () => {
    const request = validRequest();
    const { files } = templateFilesFor(request);
    expect(files.map((f) => f.name)).toEqual(['pg-dev-1.template.json', 'pg-dev-1.parameters.json']);
    expect(JSON.parse(files[0].content)).toEqual(buildFlexDeployment(request).template);
    expect(JSON.parse(files[1].content)).toEqual({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: {},
    });
  });

  it('holds no password, whatever it is and whichever authentication', () => {
    const password = fc.stringMatching(/^[A-Za-z0-9!#%*]{8,60}$/).map((s) => `Zq9!${s}`);
    const mode = fc.constantFrom('PostgreSQLOnly' as const, 'Hybrid' as const, 'EntraOnly' as const);
    fc.assert(
      fc.property(password, mode, (adminPassword, authenticationMode) => {
        const request = validRequest({ adminPassword, confirmPassword: adminPassword, authenticationMode, entraAdmin: PRINCIPAL });
        for (const file of templateFilesFor(request).files) expect(file.content).not.toContain(adminPassword);
      }),
    );
  });

  it('comes with the Azure CLI commands that deploy it, creating the resource group only when it is new', () => {
    expect(templateFilesFor(validRequest()).commands).toEqual([
      'az account set --subscription 00000000-0000-0000-0000-000000000001',
      'az deployment group create --resource-group rg-dev --template-file pg-dev-1.template.json --parameters @pg-dev-1.parameters.json',
    ]);
    const fresh: Partial<CreateServerRequest> = { resourceGroup: { name: 'rg-new', isNew: true, location: 'westus' } };
    expect(templateFilesFor(validRequest(fresh)).commands.slice(1)).toEqual([
      'az group create --name rg-new --location westus',
      'az deployment group create --resource-group rg-new --template-file pg-dev-1.template.json --parameters @pg-dev-1.parameters.json',
    ]);
    expect(templateFilesFor(validRequest({ resourceGroup: { name: 'rg-new', isNew: true } })).commands[1]).toBe('az group create --name rg-new --location eastus');
  });
});

describe('Save as Template on the review', () => {
  let tracker: FakeTracker;
  let window: FakeWindow;
  let panel: FakePanel;

  beforeEach(async () => {
    tracker = new FakeTracker();
    window = new FakeWindow();
    panel = new FakePanel();
    await openCreatePanel({ tracker, catalog: new FakeCatalog(), log: new FakeLog(), panel, window });
    await chooseSubscriptionAndLocation(panel);
  });

  async function save(request: CreateServerRequest): Promise<void> {
    panel.send({ type: 'review.saveTemplate', request });
    await settle();
  }

  it('writes both files, tells the review where and how to deploy them, and deploys nothing', async () => {
    await save(validRequest());
    expect([...window.savedFiles.keys()]).toEqual(['pg-dev-1.template.json', 'pg-dev-1.parameters.json']);
    expect(panel.ofType('review.templateSaved')).toEqual([
      { type: 'review.templateSaved', folder: '/work/space', files: [...window.savedFiles.keys()], commands: templateFilesFor(validRequest()).commands },
    ]);
    expect(tracker.created).toEqual([]);
  });

  it('saves only what Create would accept: a choice it did not offer is refused, and nothing is written', async () => {
    await save(validRequest({ resourceGroup: { name: 'rg-not-offered', isNew: false } }));
    expect(Object.keys(panel.ofType('form.rejected')[0].errors)).toEqual(['resourceGroup.name']);
    await save(validRequest({ confirmPassword: 'something else' }));
    expect(Object.keys(panel.ofType('form.rejected')[1].errors)).toEqual(['confirmPassword']);
    expect(window.savedFiles.size).toBe(0);
    expect(panel.ofType('review.templateSaved')).toEqual([]);
  });

  it('says nothing when the user declines the folder or the replacement', async () => {
    window.templateFolder = undefined;
    await save(validRequest());
    expect(panel.ofType('review.templateSaved')).toEqual([]);
    expect(panel.ofType('review.templateNotSaved')).toEqual([]);
  });

  it('says why when the files cannot be written', async () => {
    window.templateError = new Error('EACCES: permission denied');
    await save(validRequest());
    expect(panel.ofType('review.templateNotSaved')).toEqual([{ type: 'review.templateNotSaved', message: 'The template was not saved: EACCES: permission denied' }]);
  });
});
