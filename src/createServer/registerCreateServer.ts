import * as vscode from 'vscode';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { CreateServerPanelDeps } from './createServerPanel';
import { CreateServerPanels } from './createServerPanels';
import { adoptPanel, createVscodeWindow } from './vscodeCreateServerWindow';
import { CREATE_SERVER_VIEW_TYPE } from '../webview/viewTypes';
import { CREATE_SERVER_COMMAND, SHOW_PROGRESS_COMMAND } from '../commandIds';


export interface CreateServerRegistration extends vscode.Disposable {
  /** DeploymentEffects.openRetryForm: the form again, prefilled from the record, password empty. */
  openRetryForm(deployment: Readonly<DeploymentContext>): void;
}

/**
 * The create form and progress panels: the create command, `pgsql.flexProvisioning.showProgress`
 * (arg: stagingId) and the serializer that brings open panels back after "Reload Window".
 */
export function registerCreateServer(
  context: vscode.ExtensionContext,
  deps: Omit<CreateServerPanelDeps, 'window'>,
): CreateServerRegistration {
  const panels = new CreateServerPanels({ ...deps, window: createVscodeWindow(context.extensionUri) });
  const registrations = vscode.Disposable.from(
    vscode.commands.registerCommand(CREATE_SERVER_COMMAND, (prefill?: unknown) => panels.openForm(prefill)),
    vscode.commands.registerCommand(SHOW_PROGRESS_COMMAND, (stagingId: unknown) => panels.showProgress(stagingId)),
    vscode.window.registerWebviewPanelSerializer(CREATE_SERVER_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: unknown) {
        await panels.restore(adoptPanel(panel, context.extensionUri), state);
      },
    }),
  );
  return {
    openRetryForm: (deployment) => panels.openRetryForm(deployment),
    dispose: () => {
      registrations.dispose();
      panels.dispose();
    },
  };
}
