import { BehaviorSubject, distinctUntilChanged, filter, map, type Observable } from 'rxjs';
import type { DeploymentOperationView, FlexCapabilities, LocationChoice, ResourceGroupChoice, SubscriptionChoice } from '../../../machines/flexDeployment/catalog';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import type { EntraAdministrator } from '../../../machines/flexDeployment/retryableRequest';
import type { DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentView } from '../../../machines/webview/deploymentView';
import type { HostMessage } from '../../../machines/webview/protocol';
import type { AzureCatalog } from '../../../src/azure/azureCatalog';
import { CreateServerPanel } from '../../../src/createServer/createServerPanel';
import { FormCatalog, type FormCatalogDeps } from '../../../src/createServer/formCatalog';
import { OfferedChoices } from '../../../src/createServer/offeredChoices';
import { ProviderRegistrationOffer } from '../../../src/createServer/providerRegistrationOffer';
import { EntraAdministrators } from '../../../src/createServer/entraAdministrators';
import type {
  CloseWarningAnswer,
  CreateServerLog,
  CreateServerWindow,
  CreatePanelTracker,
  Listener,
  PanelPort,
} from '../../../src/createServer/ports';
import type { TemplateFile } from '../../../src/createServer/templateFiles';
import type { ServerActions } from '../../../src/createServer/serverNextSteps';
import { DEFAULT_SERVER_OPTIONS } from '../../../machines/flexDeployment/serverOptions';
import type { RetailPrice } from '../../../machines/flexDeployment/retailPrices';
import type { ProviderRegistrar, SubscriptionRef } from '../../../src/azure/providerRegistration';

export const SUBSCRIPTION = { subscriptionId: '00000000-0000-0000-0000-000000000001', tenantId: 'tenant-1', displayName: 'Dev' };
export const PRINCIPAL = { objectId: 'oid-1', principalName: 'ada@contoso.com', principalType: 'User' as const };
/** Others in the signed-in user's tenant, found by a directory search. */
export const OTHER_PRINCIPALS: EntraAdministrator[] = [
  { objectId: 'oid-2', principalName: 'grace@contoso.com', principalType: 'User' },
  { objectId: 'oid-g', principalName: 'PostgreSQL Admins', principalType: 'Group' },
];
export const CLIENT_IP = '203.0.113.7';
export const PASSWORD = 'S3cret-Passw0rd!';

export function validRequest(overrides: Partial<CreateServerRequest> = {}): CreateServerRequest {
  return {
    tenantId: SUBSCRIPTION.tenantId,
    subscriptionId: SUBSCRIPTION.subscriptionId,
    resourceGroup: { name: 'rg-dev', isNew: false },
    serverName: 'pg-dev-1',
    location: 'eastus',
    version: '17',
    tier: 'Burstable',
    skuName: 'Standard_B1ms',
    storageSizeGB: 32,
    authenticationMode: 'PostgreSQLOnly',
    adminLogin: 'ada',
    adminPassword: PASSWORD,
    confirmPassword: PASSWORD,
    networkAccess: 'Public',
    firewall: { allowAzureServices: true, clientIp: CLIENT_IP, ranges: [] },
    ...DEFAULT_SERVER_OPTIONS,
    ...overrides,
  };
}

export function deploymentContext(overrides: Partial<DeploymentContext> = {}): DeploymentContext {
  const { adminPassword: _p, confirmPassword: _c, ...request } = validRequest();
  return {
    stagingId: 'staging-1',
    deploymentName: 'pgflex-pg-dev-1-1',
    resourceGroupName: 'rg-dev',
    subscriptionId: SUBSCRIPTION.subscriptionId,
    tenantId: SUBSCRIPTION.tenantId,
    connectionProfile: {},
    status: 'deploying',
    createdAt: 1_000,
    serverName: 'pg-dev-1',
    location: 'eastus',
    request,
    inActiveSession: true,
    audit: [],
    ...overrides,
  };
}

export class FakeTracker implements CreatePanelTracker {
  readonly views = new BehaviorSubject<readonly DeploymentView[]>([]);
  readonly deployments$ = this.views.asObservable();
  readonly created: CreateServerRequest[] = [];
  readonly retried: string[] = [];
  createError: Error | undefined;
  private rehydrated: () => void = () => undefined;
  /** Resolved by default; `delayRehydration` holds it back, as a slow activation would. */
  private rehydration = Promise.resolve();

  async create(request: CreateServerRequest): Promise<string> {
    if (this.createError) throw this.createError;
    this.created.push(request);
    const { adminPassword: _p, confirmPassword: _c, ...retryable } = request;
    this.put({ value: 'deploying', context: deploymentContext({ stagingId: `staging-${this.created.length}`, request: retryable }) });
    return `staging-${this.created.length}`;
  }

  deployment$(stagingId: string): Observable<DeploymentView> {
    return this.views.pipe(
      map((all) => all.find((v) => v.context.stagingId === stagingId)),
      filter((v): v is DeploymentView => v !== undefined),
      distinctUntilChanged(),
    );
  }

  getDeployment(stagingId: string): DeploymentView | undefined {
    return this.views.value.find((v) => v.context.stagingId === stagingId);
  }

  whenRehydrated(): Promise<void> {
    return this.rehydration;
  }

  /** Returns what ends the delay. */
  delayRehydration(): () => void {
    this.rehydration = new Promise((resolve) => (this.rehydrated = resolve));
    return () => this.rehydrated();
  }

  /** When set, Retry is refused with this error, as when another window works on the deployment. */
  retryRefusal: Error | undefined;

  async retry(stagingId: string): Promise<void> {
    if (this.retryRefusal) throw this.retryRefusal;
    this.retried.push(stagingId);
  }

  /** Adds or replaces a record: one tracker update. */
  put(view: DeploymentView): void {
    this.views.next([...this.views.value.filter((v) => v.context.stagingId !== view.context.stagingId), view]);
  }
}

export class FakeCatalog implements AzureCatalog {
  readonly calls: string[] = [];
  operations: DeploymentOperationView[] = [];
  subscriptions: SubscriptionChoice[] = [SUBSCRIPTION];
  /** Per subscription id; a subscription not listed has none. */
  resourceGroups = new Map<string, ResourceGroupChoice[]>([[SUBSCRIPTION.subscriptionId, [{ name: 'rg-dev', location: 'eastus' }]]]);
  locations: LocationChoice[] = [{ name: 'eastus', displayName: 'East US' }];
  /** Holds the subscription listing or the client IP detection until resolved, as a slow Azure would. */
  subscriptionsAnswered: Promise<void> = Promise.resolve();
  clientIpAnswered: Promise<void> = Promise.resolve();
  async listSubscriptions() {
    this.calls.push('listSubscriptions');
    await this.subscriptionsAnswered;
    return this.subscriptions;
  }
  async listResourceGroups(subscriptionId: string) {
    this.calls.push('listResourceGroups');
    return this.resourceGroups.get(subscriptionId) ?? [];
  }
  async listLocations() {
    this.calls.push('listLocations');
    return this.locations;
  }
  /** ARM's refusal of the provider's reads (capabilities, name check), as for a subscription not registered for it. */
  providerRefusal: Error | undefined;
  async getCapabilities(_s: string, location: string): Promise<FlexCapabilities> {
    this.calls.push('getCapabilities');
    if (this.providerRefusal) throw this.providerRefusal;
    return {
      location,
      versions: ['16', '17'],
      defaultVersion: '17',
      tiers: [{ tier: 'Burstable' as const, defaultSkuName: 'Standard_B1ms', skus: [{ name: 'Standard_B1ms', vCores: 1, zones: ['1', '2', '3'], haModes: [] }], storageSizesGB: [32, 64], defaultStorageSizeGB: 32 }],
      geoBackupSupported: true,
      zoneRedundantHaAndGeoBackupSupported: true,
      storageAutoGrowthSupported: true,
    };
  }
  /** Not counted in `calls`: the prices come from a public API, not from ARM. */
  prices: RetailPrice[] | Error = [];
  async getPostgresPrices() {
    if (this.prices instanceof Error) throw this.prices;
    return this.prices;
  }
  async checkNameAvailability(_s: string, serverName: string) {
    this.calls.push(`checkNameAvailability:${serverName}`);
    if (this.providerRefusal) throw this.providerRefusal;
    return serverName === 'taken' ? { available: false, message: 'Already exists.' } : { available: true };
  }
  async getSignedInPrincipal() {
    this.calls.push('getSignedInPrincipal');
    return PRINCIPAL;
  }
  /** The tenant's users and groups a search finds by the start of their name; `directoryRefusal` throws instead. */
  directory: EntraAdministrator[] = [PRINCIPAL, ...OTHER_PRINCIPALS];
  directoryRefusal: Error | undefined;
  async searchEntraPrincipals(_tenantId: string, text: string) {
    this.calls.push('searchEntraPrincipals');
    if (this.directoryRefusal) throw this.directoryRefusal;
    return this.directory.filter((p) => p.principalName.toLowerCase().startsWith(text.toLowerCase()));
  }
  async detectClientIp() {
    await this.clientIpAnswered;
    return CLIENT_IP;
  }
  async listDeploymentOperations() {
    this.calls.push('listDeploymentOperations');
    return this.operations;
  }
  count(call: string): number {
    return this.calls.filter((c) => c === call).length;
  }
}

/** Registers by lifting the catalog's refusal, as Azure would; `failure` makes it throw instead. */
export class FakeRegistrar implements ProviderRegistrar {
  readonly registered: SubscriptionRef[] = [];
  failure: Error | undefined;
  constructor(private readonly catalog?: FakeCatalog) {}
  async register(subscription: SubscriptionRef) {
    if (this.failure) throw this.failure;
    this.registered.push({ tenantId: subscription.tenantId, subscriptionId: subscription.subscriptionId });
    if (this.catalog) this.catalog.providerRefusal = undefined;
  }
}

export class FakeLog implements CreateServerLog {
  readonly lines: string[] = [];
  info(m: string) {
    this.lines.push(`info ${m}`);
  }
  warn(m: string) {
    this.lines.push(`warn ${m}`);
  }
  error(m: string) {
    this.lines.push(`error ${m}`);
  }
}

export class FakePanel implements PanelPort {
  readonly posted: HostMessage[] = [];
  title = '';
  visible = true;
  revealed = 0;
  private readonly receivers = new Set<(raw: unknown) => void>();
  private readonly visibilityListeners = new Set<(visible: boolean) => void>();
  private readonly disposeListeners = new Set<() => void>();

  async postMessage(message: HostMessage) {
    // What crosses the boundary is structured-cloned JSON; keep a copy, as VS Code would.
    this.posted.push(JSON.parse(JSON.stringify(message)) as HostMessage);
    return true;
  }
  onDidReceiveMessage(listener: (raw: unknown) => void): Listener {
    return this.listen(this.receivers, listener);
  }
  onDidChangeVisibility(listener: (visible: boolean) => void): Listener {
    return this.listen(this.visibilityListeners, listener);
  }
  onDidDispose(listener: () => void): Listener {
    return this.listen(this.disposeListeners, listener);
  }
  setTitle(title: string) {
    this.title = title;
  }
  reveal() {
    this.revealed++;
  }
  dispose() {
    for (const l of [...this.disposeListeners]) l();
  }
  send(raw: unknown) {
    for (const l of [...this.receivers]) l(raw);
  }
  setVisible(visible: boolean) {
    this.visible = visible;
    for (const l of [...this.visibilityListeners]) l(visible);
  }
  ofType<T extends HostMessage['type']>(type: T): Extract<HostMessage, { type: T }>[] {
    return this.posted.filter((m): m is Extract<HostMessage, { type: T }> => m.type === type);
  }
  private listen<T>(set: Set<T>, listener: T): Listener {
    set.add(listener);
    return { dispose: () => set.delete(listener) };
  }
}

export class FakeWindow implements CreateServerWindow {
  readonly panels: FakePanel[] = [];
  readonly warnings: string[] = [];
  closeWarnings = 0;
  answer: CloseWarningAnswer = 'continueInBackground';
  createPanel(title: string): FakePanel {
    const panel = new FakePanel();
    panel.title = title;
    this.panels.push(panel);
    return panel;
  }
  async showCloseWarning() {
    this.closeWarnings++;
    return this.answer;
  }
  showWarning(message: string) {
    this.warnings.push(message);
  }
  /** The titles of the progress notifications shown, in order. */
  readonly progress: string[] = [];
  async withProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
    this.progress.push(title);
    return task();
  }
  readonly cancels: string[] = [];
  async cancelDeployment(stagingId: string) {
    this.cancels.push(stagingId);
  }
  /** What Copy Connection String wrote, in order. */
  readonly clipboard: string[] = [];
  async copyToClipboard(text: string) {
    this.clipboard.push(text);
  }
  /** What "Save as Template" wrote, by file name; `templateFolder` undefined is the user declining. */
  readonly savedFiles = new Map<string, string>();
  templateFolder: string | undefined = '/work/space';
  templateError: Error | undefined;
  async saveTemplate(files: readonly TemplateFile[]) {
    if (this.templateError) throw this.templateError;
    if (this.templateFolder) for (const f of files) this.savedFiles.set(f.name, f.content);
    return this.templateFolder;
  }
}

/** The deployment actions the ready panel hands over to, recorded as `connect:staging-1`; `failure` makes each throw. */
export class FakeServerActions implements ServerActions {
  readonly taken: string[] = [];
  failure: Error | undefined;
  connect = (deployment: Readonly<DeploymentContext>) => this.take('connect', deployment);
  openDashboard = (deployment: Readonly<DeploymentContext>) => this.take('openDashboard', deployment);
  openServerInPortal = (deployment: Readonly<DeploymentContext>) => this.take('openServerInPortal', deployment);
  registerProvider = (deployment: Readonly<DeploymentContext>) => this.take('registerProvider', deployment);
  deleteLeftovers = (deployment: Readonly<DeploymentContext>) => this.take('deleteLeftovers', deployment);
  private async take(action: string, deployment: Readonly<DeploymentContext>): Promise<void> {
    if (this.failure) throw this.failure;
    this.taken.push(`${action}:${deployment.stagingId}`);
  }
}

/** A create panel over the fakes, once its webview said it is ready. */
export async function openCreatePanel(fakes: {
  tracker: FakeTracker;
  catalog: FakeCatalog;
  log: FakeLog;
  panel: FakePanel;
  window?: FakeWindow;
  serverActions?: FakeServerActions;
  registrar?: FakeRegistrar;
}): Promise<CreateServerPanel> {
  const { panel, window = new FakeWindow(), serverActions = new FakeServerActions(), registrar = new FakeRegistrar(fakes.catalog), ...deps } = fakes;
  const controller = new CreateServerPanel(panel, { ...deps, window, serverActions, registrar }, { kind: 'form' }, { onDidDispose: () => {} });
  panel.send({ type: 'ready' });
  await settle();
  return controller;
}

/** What the real form asks for before it can submit: the choices of its subscription and location. */
export async function chooseSubscriptionAndLocation(panel: FakePanel, location = 'eastus', subscriptionId = SUBSCRIPTION.subscriptionId): Promise<void> {
  panel.send({ type: 'form.subscriptionSelected', subscriptionId });
  panel.send({ type: 'form.locationSelected', subscriptionId, location });
  await settle();
}

/**
 * The form's questions to Azure over `catalog`, as a panel that offered `subscription` asks them;
 * what it tells the form lands in `posted`.
 */
export function formCatalogOver(
  catalog: AzureCatalog,
  posted: HostMessage[],
  deps: Pick<FormCatalogDeps, 'refusedServerName' | 'random'> & { log: FakeLog; subscription?: SubscriptionChoice },
): FormCatalog {
  const offered = new OfferedChoices();
  offered.offerSubscriptions([deps.subscription ?? SUBSCRIPTION]);
  return new FormCatalog({
    catalog,
    log: deps.log,
    offered,
    principals: new EntraAdministrators(catalog, deps.log),
    registration: new ProviderRegistrationOffer({ registrar: new FakeRegistrar(), window: new FakeWindow(), log: deps.log }),
    post: async (message) => void posted.push(message),
    refusedServerName: deps.refusedServerName,
    random: deps.random,
  });
}

/** Lets queued promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The progress panel of a deployment put in the tracker, once its webview said it is ready. */
export async function openProgressPanel(
  fakes: { tracker: FakeTracker; log: FakeLog; panel: FakePanel; window?: FakeWindow; serverActions?: FakeServerActions },
  view: DeploymentView,
): Promise<CreateServerPanel> {
  const { panel, window = new FakeWindow(), serverActions = new FakeServerActions(), ...deps } = fakes;
  deps.tracker.put(view);
  const stagingId = view.context.stagingId;
  const controller = new CreateServerPanel(panel, { ...deps, catalog: new FakeCatalog(), window, serverActions, registrar: new FakeRegistrar() }, { kind: 'progress', stagingId }, { onDidDispose: () => {} });
  panel.send({ type: 'ready' });
  await settle();
  return controller;
}
