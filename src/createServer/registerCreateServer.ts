import type { Observable } from 'rxjs';
import * as vscode from 'vscode';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { CreateServerPanelDeps } from './createServerPanel';
import { CreateServerPanels } from './createServerPanels';
import { adoptPanel, createVscodeWindow } from './vscodeCreateServerWindow';
import { CREATE_SERVER_VIEW_TYPE } from '../webview/viewTypes';
import { CREATE_SERVER_COMMAND, SHOW_PROGRESS_COMMAND } from '../commandIds';

/**
 * The create form and progress panels: the create command, `pgsql.flexProvisioning.showProgress`
 * (arg: stagingId) and the serializer that brings open panels back after "Reload Window". Each
 * deployment on `retryForms$` (a failed deployment's Retry, told by the tracker) opens the form
 * again, prefilled from its record, password empty.
 */
export function registerCreateServer(
  context: vscode.ExtensionContext,
  deps: Omit<CreateServerPanelDeps, 'window'>,
  retryForms$: Observable<Readonly<DeploymentContext>>,
): vscode.Disposable {
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
  const retries = retryForms$.subscribe((deployment) => panels.openRetryForm(deployment));
  return {
    dispose: () => {
      retries.unsubscribe();
      registrations.dispose();
      panels.dispose();
    },
  };
}
