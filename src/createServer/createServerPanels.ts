import * as l10n from '../../machines/l10n';
import { stateHasTag } from '../../machines/flexDeployment/deploymentStates';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import { formPrefillSchema, type FormPrefill } from '../../machines/webview/createServerMessages';
import { webviewStateSchema } from '../../machines/webview/protocol';
import { CreateServerPanel, type CreateServerPanelDeps, type PanelStart } from './createServerPanel';
import { progressHeadline } from '../../machines/webview/progressHeadline';
import type { CreateServerWindow, PanelPort } from './ports';
import { errorMessage } from '../../machines/errorMessage';
import { CREATE_FORM_TITLE } from '../webview/createFormTitle';

export const UNTRACKED_TITLE = l10n.t('Deployment no longer tracked');

/**
 * The open create panels: opens forms, finds or opens the panel of a deployment, brings panels
 * back after "Reload Window", and warns after a panel closed while its deployment still runs.
 */
export class CreateServerPanels {
  private readonly open = new Set<CreateServerPanel>();

  constructor(private readonly deps: CreateServerPanelDeps & { window: CreateServerWindow }) {}

  /**
   * One create form at a time: a form already open is brought to the front, and refilled when a
   * prefill comes (a Retry, command arguments); otherwise a new one opens. Two tabs of one title
   * leave the user guessing which one they are typing into.
   * `prefill` comes from command arguments, which anyone can pass: it is parsed, never trusted.
   */
  openForm(prefill?: unknown): void {
    const parsed = this.parsePrefill(prefill);
    const form = [...this.open].find((p) => p.isOpenForm);
    if (!form) return this.attach(this.deps.window.createPanel(CREATE_FORM_TITLE), { kind: 'form', prefill: parsed });
    form.panel.reveal();
    if (parsed) form.refill(parsed);
  }

  /**
   * Spec: Retry reopens the form prefilled from the record; the password is typed again. After the
   * vCore quota ran out the same size would fail again, so the form is told to suggest a smaller one;
   * after a size was refused in the location, to look for the locations that offer it.
   * The form is told which name it retries, so that a taken one is explained (refused by ARM, or
   * perhaps the server this deployment left behind) and free names are suggested.
   */
  openRetryForm(deployment: Readonly<DeploymentContext>): void {
    const { request, armError, location } = deployment;
    if (!request) return this.openForm({ serverName: deployment.serverName, location });
    const retriedName = { serverName: request.serverName, resourceGroup: request.resourceGroup.name, alreadyExists: armError?.code === 'ServerNameAlreadyExists' };
    const prefill: FormPrefill = { ...request, retriedName };
    if (armError?.code === 'QuotaExceeded') return this.openForm({ ...prefill, quotaExceeded: { location, skuName: request.skuName } });
    if (armError?.code === 'SkuNotAvailable') {
      return this.openForm({ ...prefill, skuNotAvailable: { location, tier: request.tier, skuName: request.skuName, version: request.version } });
    }
    this.openForm(prefill);
  }

  showProgress(stagingId: unknown): void {
    const view = typeof stagingId === 'string' ? this.deps.tracker.getDeployment(stagingId) : undefined;
    if (!view) {
      this.deps.log.warn('Show Progress was asked for a deployment that is not tracked.');
      this.deps.window.showWarning(l10n.t('That deployment is no longer tracked.'));
      return;
    }
    const existing = [...this.open].find((p) => p.stagingId === view.context.stagingId);
    if (existing) return existing.panel.reveal();
    this.attach(this.deps.window.createPanel(progressHeadline(view)), { kind: 'progress', stagingId: view.context.stagingId });
  }

  /**
   * The serializer's half: a panel VS Code kept across a reload, with the webview's saved state.
   * VS Code may hand it over while activation is still reading the stored deployments.
   */
  async restore(panel: PanelPort, state: unknown): Promise<void> {
    const parsed = webviewStateSchema.safeParse(state);
    const stagingId = parsed.success ? parsed.data.stagingId : undefined;
    if (stagingId) {
      await this.deps.tracker.whenRehydrated();
      const view = this.deps.tracker.getDeployment(stagingId);
      // A deployment dismissed or cleared since: its tab says so. An empty form in its place would
      // read as the deployment lost.
      panel.setTitle(view ? progressHeadline(view) : UNTRACKED_TITLE);
      this.attach(panel, { kind: 'progress', stagingId });
    } else {
      panel.setTitle(CREATE_FORM_TITLE);
      this.attach(panel, { kind: 'form' });
    }
  }

  /**
   * Stops listening, but leaves the panels open: on "Reload Window" VS Code keeps them and the
   * serializer brings them back, and no close warning is due.
   */
  dispose(): void {
    for (const p of this.open) p.detach();
    this.open.clear();
  }

  private attach(panel: PanelPort, start: PanelStart): void {
    this.open.add(new CreateServerPanel(panel, this.deps, start, { onDidDispose: (closed) => this.onClosed(closed) }));
  }

  private onClosed(closed: CreateServerPanel): void {
    this.open.delete(closed);
    const stagingId = closed.stagingId;
    const view = stagingId ? this.deps.tracker.getDeployment(stagingId) : undefined;
    if (!stagingId || !view || !stateHasTag(view.value, 'running')) return;
    // VS Code cannot keep a panel from closing: the warning comes after, and can bring it back.
    Promise.resolve(this.deps.window.showCloseWarning()).then(
      (answer) => {
        if (answer === 'showProgress') this.showProgress(stagingId);
        else if (answer === 'cancelDeployment') return this.deps.window.cancelDeployment(stagingId);
      },
      (err: unknown) => this.deps.log.error(`The close warning failed: ${errorMessage(err)}`),
    );
  }

  private parsePrefill(prefill: unknown): FormPrefill | undefined {
    if (prefill === undefined) return undefined;
    const parsed = formPrefillSchema.safeParse(prefill);
    if (parsed.success) return parsed.data;
    this.deps.log.warn('Ignored a create-form prefill that is not a create request.');
    return undefined;
  }
}
