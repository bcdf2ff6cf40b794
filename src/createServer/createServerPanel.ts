import * as l10n from '../../machines/l10n';
import {
  validateCreateServerRequest,
  type CreateServerRequest,
  type ValidationErrors,
} from '../../machines/flexDeployment/createServerRequest';
import { stateHasTag } from '../../machines/flexDeployment/deploymentStates';
import type { FormPrefill } from '../../machines/webview/createServerMessages';
import { offersRetry, type DeploymentView } from '../../machines/webview/deploymentView';
import { parseWebviewMessage, type HostMessage, type WebviewMessage } from '../../machines/webview/protocol';
import type { AzureCatalog } from '../azure/azureCatalog';
import { CreateRequestInvalidError } from '../services/flexDeployment/flexDeploymentTracker';
import { PreflightError } from '../services/flexDeployment/serverProvisioner';
import type { CreateServerLog, CreateServerWindow, CreatePanelTracker, Listener, PanelPort } from './ports';
import { OfferedChoices } from './offeredChoices';
import { ProgressFeed } from './progressFeed';
import { templateFilesFor } from './templateFiles';
import { listFields } from './loggedFields';
import { EntraAdministrators } from './entraAdministrators';
import { takeNextStep, type ServerActions } from './serverNextSteps';
import { errorMessage } from '../../machines/errorMessage';
import type { ProviderRegistrar } from '../azure/providerRegistration';
import { FormCatalog } from './formCatalog';
import { ProviderRegistrationOffer } from './providerRegistrationOffer';
import { takeEndedDeploymentAction } from './endedDeploymentActions';

export interface CreateServerPanelDeps {
  tracker: CreatePanelTracker;
  catalog: AzureCatalog;
  log: CreateServerLog;
  /** Where what the panel cannot do is told (a Retry refused), and the way to cancel. */
  window: Pick<CreateServerWindow, 'showWarning' | 'cancelDeployment' | 'saveTemplate' | 'copyToClipboard' | 'withProgress'>;
  /** Registers a subscription for Microsoft.DBforPostgreSQL when the form finds it is not. */
  registrar: ProviderRegistrar;
  /** What the ready panel's next steps hand over to. */
  serverActions: ServerActions;
}

export type PanelStart = { kind: 'form'; prefill?: FormPrefill } | { kind: 'progress'; stagingId: string };

export interface PanelEvents {
  onDidDispose(panel: CreateServerPanel): void;
}

/**
 * One create panel: the form, then the progress of what it created. Every message from the
 * webview is parsed and checked against what this host itself told the webview (subscriptions,
 * resource groups, locations, capabilities, signed-in principal, client IP); anything else is
 * rejected and logged, never acted on.
 */
export class CreateServerPanel {
  private stagingIdValue: string | undefined;
  private feed: ProgressFeed | undefined;
  private readonly offered = new OfferedChoices();
  private submitting = false;
  /** What the form is filled with when it is (next) initialised: a retry's request. */
  private prefill: FormPrefill | undefined;
  /** The webview listens: a refill is posted at once, else it waits for 'ready'. */
  private webviewReady = false;
  private readonly listeners: Listener[];

  private readonly principals: EntraAdministrators;
  /** The form's questions to Azure. */
  private readonly formCatalog: FormCatalog;

  constructor(
    readonly panel: PanelPort,
    private readonly deps: CreateServerPanelDeps,
    start: PanelStart,
    private readonly events: PanelEvents,
  ) {
    this.principals = new EntraAdministrators(deps.catalog, deps.log);
    this.formCatalog = new FormCatalog({
      catalog: deps.catalog,
      log: deps.log,
      offered: this.offered,
      principals: this.principals,
      registration: new ProviderRegistrationOffer(deps),
      post: (message) => this.post(message),
      refusedServerName: () => (this.prefill?.retriedName?.alreadyExists ? this.prefill.retriedName.serverName : undefined),
      random: Math.random,
    });
    if (start.kind === 'progress') this.stagingIdValue = start.stagingId;
    else this.prefill = start.prefill;
    this.listeners = [
      panel.onDidReceiveMessage((raw) => {
        this.receive(raw).catch((err: unknown) => this.deps.log.error(`A webview message was not handled: ${errorMessage(err)}`));
      }),
      panel.onDidDispose(() => this.onDisposed()),
    ];
  }

  get stagingId(): string | undefined {
    return this.stagingIdValue;
  }

  /** Still a form nobody has sent: a new create request can use this panel instead of another. */
  get isOpenForm(): boolean {
    return this.stagingIdValue === undefined && !this.submitting;
  }

  /**
   * Starts the form again from `prefill` (what the user typed is dropped, the password too), as a
   * new form would start, but in this panel.
   */
  refill(prefill: FormPrefill): void {
    this.prefill = prefill;
    if (!this.webviewReady) return;
    this.initForm().catch((err: unknown) => this.deps.log.error(`Refilling the form failed: ${errorMessage(err)}`));
  }

  async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.deps.log.warn(`Rejected a malformed webview message: ${parsed.reason}`);
      return;
    }
    try {
      await this.handle(parsed.message);
    } catch (err) {
      this.deps.log.error(`Handling '${parsed.message.type}' failed: ${errorMessage(err)}`);
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.onReady();
      case 'form.subscriptionSelected':
        return this.formCatalog.onSubscriptionSelected(message.subscriptionId);
      case 'form.locationSelected':
        return this.formCatalog.onLocationSelected(message.subscriptionId, message.location);
      case 'form.serverNameChanged':
        return this.formCatalog.onServerNameChanged(message.subscriptionId, message.serverName, message.location);
      case 'form.findRegionsOffering':
        return this.formCatalog.onFindRegionsOffering(message.subscriptionId, message.offer, message.except);
      case 'form.registerProvider':
        return this.formCatalog.onRegisterProvider(message.subscriptionId);
      case 'form.searchEntraAdministrators':
        return this.formCatalog.onSearchEntraAdministrators(message.subscriptionId, message.text);
      case 'form.submit':
        return this.onSubmit(message.request);
      case 'review.saveTemplate':
        return this.onSaveTemplate(message.request);
      case 'progress.retry':
        return this.onRetry(message.stagingId);
      case 'progress.cancel':
        return this.onCancel(message.stagingId);
      case 'progress.registerProvider':
        return takeEndedDeploymentAction(this.ownDeployment(message.stagingId), message.stagingId, 'registerProvider', this.deps);
      case 'progress.deleteLeftovers':
        return takeEndedDeploymentAction(this.ownDeployment(message.stagingId), message.stagingId, 'deleteLeftovers', this.deps);
      case 'progress.nextStep':
        return takeNextStep({ view: this.ownDeployment(message.stagingId), stagingId: message.stagingId, step: message.step }, this.deps, this.panel);
      default:
        this.deps.log.warn(`Rejected a '${message.type}' message: the create panel does not handle it.`);
    }
  }

  private async onReady(): Promise<void> {
    this.webviewReady = true;
    if (this.stagingIdValue) return this.showProgress(this.stagingIdValue);
    return this.initForm();
  }

  /** The form shows at once with what the panel knows (a Retry's prefill); Azure's answers follow. */
  private async initForm(): Promise<void> {
    const prefill = this.prefill;
    await this.post({ type: 'form.init', ...(prefill ? { prefill } : {}) });
    await this.formCatalog.onFormStarted();
  }

  private async onSubmit(input: Record<string, unknown>): Promise<void> {
    if (this.stagingIdValue || this.submitting) {
      this.deps.log.warn('Rejected a second create request from the same panel.');
      return;
    }
    this.submitting = true;
    try {
      await this.submit(input);
    } finally {
      this.submitting = false;
    }
  }

  private async submit(input: Record<string, unknown>): Promise<void> {
    const checked = await this.check(input);
    if ('errors' in checked) return this.reject(checked.errors);
    try {
      const stagingId = await this.deps.tracker.create(checked.request);
      // The progress feed titles the tab from here on.
      this.stagingIdValue = stagingId;
      await this.showProgress(stagingId);
    } catch (err) {
      if (err instanceof PreflightError) return err.field ? this.reject({ [err.field]: [err.message] }) : this.reject({}, err.message);
      if (err instanceof CreateRequestInvalidError) return this.reject(err.errors);
      this.deps.log.error(`Create failed: ${errorMessage(err)}`);
      await this.post({ type: 'form.rejected', errors: {}, message: errorMessage(err) });
      await this.formCatalog.offerRegistrationAfter(err, checked.request.subscriptionId);
    }
  }

  /** The template Create would send, saved for automation: only for a request Create would accept. */
  private async onSaveTemplate(input: Record<string, unknown>): Promise<void> {
    const checked = await this.check(input);
    if ('errors' in checked) return this.reject(checked.errors);
    const { files, commands } = templateFilesFor(checked.request);
    try {
      const folder = await this.deps.window.saveTemplate(files);
      if (folder) await this.post({ type: 'review.templateSaved', folder, files: files.map((f) => f.name), commands });
    } catch (err) {
      this.deps.log.error(`Saving the template failed: ${errorMessage(err)}`);
      await this.post({ type: 'review.templateNotSaved', message: l10n.t('The template was not saved: {0}', errorMessage(err)) });
    }
  }

  private async check(input: Record<string, unknown>): Promise<{ request: CreateServerRequest } | { errors: ValidationErrors }> {
    const validation = validateCreateServerRequest(input);
    return validation.ok ? this.checkAgainstHost(validation.request) : { errors: validation.errors };
  }

  /**
   * What the webview cannot be trusted with: every choice must be one this panel offered, the
   * client IP the one it detected, the Entra administrator the signed-in user or one it found.
   */
  private async checkAgainstHost(
    request: CreateServerRequest,
  ): Promise<{ request: CreateServerRequest } | { errors: ValidationErrors }> {
    const errors = this.offered.check(request);
    if (request.firewall.clientIp !== undefined && request.firewall.clientIp !== this.formCatalog.clientIp) {
      errors['firewall.clientIp'] = [l10n.t('Only the client IP this computer was seen with can be added.')];
    }
    if (Object.keys(errors).length > 0) return { errors };
    if (request.authenticationMode === 'PostgreSQLOnly') return { request: { ...request, entraAdmin: undefined } };
    const entraAdmin = await this.principals.resolve(request.tenantId, request.entraAdmin);
    if ('error' in entraAdmin) return { errors: { entraAdmin: [entraAdmin.error] } };
    return { request: { ...request, entraAdmin } };
  }

  /** The tracker's current view of a deployment, when it is this panel's: a webview names others only by mistake or malice. */
  private ownDeployment(stagingId: string): DeploymentView | undefined {
    return stagingId === this.stagingIdValue ? this.deps.tracker.getDeployment(stagingId) : undefined;
  }

  private async onRetry(stagingId: string): Promise<void> {
    const view = this.ownDeployment(stagingId);
    if (!view || !offersRetry(view)) {
      this.deps.log.warn(`Rejected a retry for ${stagingId}: not this panel's failed or canceled deployment, or retried already.`);
      return;
    }
    try {
      await this.deps.tracker.retry(stagingId);
    } catch (err) {
      this.deps.log.warn(`Retry of ${stagingId} was refused: ${errorMessage(err)}`);
      this.deps.window.showWarning(l10n.t('Retry did not start: {0}', errorMessage(err)));
    }
  }

  private async onCancel(stagingId: string): Promise<void> {
    const view = this.ownDeployment(stagingId);
    if (!view || !stateHasTag(view.value, 'cancelable')) {
      this.deps.log.warn(`Rejected a cancel for ${stagingId}: not this panel's deployment, or not one Azure is building.`);
      return;
    }
    await this.deps.window.cancelDeployment(stagingId);
  }

  private async showProgress(stagingId: string): Promise<void> {
    if (this.feed) return this.feed.repost();
    if (!this.deps.tracker.getDeployment(stagingId)) {
      await this.post({ type: 'progress.unknown', stagingId });
      return;
    }
    this.feed = new ProgressFeed(stagingId, this.panel, this.deps);
  }

  private async reject(errors: ValidationErrors, message?: string): Promise<void> {
    // Field paths only: the values, and Azure's words about them, may include the password.
    this.deps.log.warn(`Rejected a create request: ${message ? "Azure's validation refused it" : listFields(Object.keys(errors))}`);
    await this.post({ type: 'form.rejected', errors, ...(message ? { message } : {}) });
  }

  private async post(message: HostMessage): Promise<void> {
    await this.panel.postMessage(message);
  }

  /** Stops reading and listening without closing the panel. */
  detach(): void {
    this.feed?.dispose();
    for (const l of this.listeners) l.dispose();
  }

  private onDisposed(): void {
    this.detach();
    this.events.onDidDispose(this);
  }
}
