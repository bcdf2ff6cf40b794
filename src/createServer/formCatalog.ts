import * as l10n from '../../machines/l10n';
import type { SubscriptionChoice } from '../../machines/flexDeployment/catalog';
import { serverNameSchema } from '../../machines/flexDeployment/createServerRequest';
import type { RefusedOffer } from '../../machines/flexDeployment/regionsOffering';
import { sameArmName } from '../../machines/flexDeployment/resourceGroupChoice';
import { errorMessage } from '../../machines/errorMessage';
import type { HostMessage } from '../../machines/webview/protocol';
import type { AzureCatalog } from '../azure/azureCatalog';
import { isProviderNotRegistered } from '../azure/providerRegistration';
import type { OfferedChoices } from './offeredChoices';
import type { CreateServerLog } from './ports';
import type { ProviderRegistrationOffer } from './providerRegistrationOffer';
import type { EntraAdministrators } from './entraAdministrators';
import { freeServerNames } from './freeServerNames';
import { regionsOffering } from './regionSearch';

export interface FormCatalogDeps {
  catalog: AzureCatalog;
  log: CreateServerLog;
  /** What the host offered the webview: every answer is recorded there, every question checked against it. */
  offered: OfferedChoices;
  principals: EntraAdministrators;
  registration: ProviderRegistrationOffer;
  post(message: HostMessage): Promise<void>;
  /** The name a retried deployment was refused as taken (ServerNameAlreadyExists): free names are suggested for it whatever the check says now. */
  refusedServerName(): string | undefined;
  /** For the random endings of suggested names. */
  random: () => number;
}

/**
 * The form's questions to Azure — the subscriptions and the client IP when it starts, then, as the
 * webview asks them, a subscription's groups and locations,
 * a location's capabilities and prices, a name's availability, registering the provider — each
 * answered only for a subscription this panel offered, and each answer recorded as offered.
 */
export class FormCatalog {
  /** Counts the name questions: a newer one makes the suggestions for an older name moot. */
  private nameQuestions = 0;

  /** This computer's public IP as detected for the form: the only one a request may add. */
  private detectedClientIp: string | undefined;

  constructor(private readonly deps: FormCatalogDeps) {}

  get clientIp(): string | undefined {
    return this.detectedClientIp;
  }

  /**
   * A form's first questions, each posted as it is answered, so that a slow IP detection never
   * holds up the subscriptions.
   */
  async onFormStarted(): Promise<void> {
    await Promise.all([this.offerSubscriptions(), this.offerClientIp()]);
  }

  private async offerSubscriptions(): Promise<void> {
    try {
      const subscriptions = await this.deps.catalog.listSubscriptions();
      this.deps.offered.offerSubscriptions(subscriptions);
      await this.deps.post({ type: 'catalog.subscriptions', subscriptions });
    } catch (err) {
      this.deps.log.error(`Listing subscriptions failed: ${errorMessage(err)}`);
      await this.deps.post({ type: 'catalog.failed', message: l10n.t('Could not list your Azure subscriptions: {0}', errorMessage(err)) });
    }
  }

  private async offerClientIp(): Promise<void> {
    this.detectedClientIp = await this.deps.catalog.detectClientIp().catch(() => undefined);
    if (this.detectedClientIp) await this.deps.post({ type: 'catalog.clientIp', clientIp: this.detectedClientIp });
  }

  async onSubscriptionSelected(subscriptionId: string): Promise<void> {
    const subscription = this.knownSubscription(subscriptionId);
    if (!subscription) return;
    try {
      const [resourceGroups, locations, entraAdmin] = await Promise.all([
        this.deps.catalog.listResourceGroups(subscriptionId),
        this.deps.catalog.listLocations(subscriptionId),
        this.deps.principals.signedInUser(subscription.tenantId),
      ]);
      this.deps.offered.offerSubscriptionChoices(subscriptionId, { resourceGroups, locations });
      await this.deps.post({
        type: 'catalog.subscriptionChoices',
        subscriptionId,
        resourceGroups,
        locations,
        ...(entraAdmin ? { entraAdmin } : {}),
      });
    } catch (err) {
      await this.deps.post({ type: 'catalog.failed', message: l10n.t('Could not read subscription {0}: {1}', subscription.displayName, errorMessage(err)) });
    }
  }

  async onSearchEntraAdministrators(subscriptionId: string, text: string): Promise<void> {
    const subscription = this.knownSubscription(subscriptionId);
    if (!subscription) return;
    const found = await this.deps.principals.search(subscription.tenantId, text);
    await this.deps.post({ type: 'catalog.entraAdministrators', subscriptionId, text, ...found });
  }

  async onLocationSelected(subscriptionId: string, location: string): Promise<void> {
    if (!this.knownSubscription(subscriptionId)) return;
    try {
      const capabilities = await this.deps.catalog.getCapabilities(subscriptionId, location);
      this.deps.offered.offerCapabilities(subscriptionId, location, capabilities);
      await this.deps.post({ type: 'catalog.capabilities', subscriptionId, location, capabilities });
    } catch (err) {
      await this.deps.post(this.deps.registration.failure(err, subscriptionId, l10n.t('Could not read what {0} offers', location)));
      return;
    }
    await this.offerPrices(location);
  }

  /**
   * A Retry after SkuNotAvailable: which of the subscription's other locations offer the refused
   * server. Only locations this panel offered are read; one that cannot be read is counted, not guessed.
   */
  async onFindRegionsOffering(subscriptionId: string, offer: RefusedOffer, except: string): Promise<void> {
    if (!this.knownSubscription(subscriptionId)) return;
    const locations = this.deps.offered.locations(subscriptionId);
    if (!locations) {
      this.deps.log.warn('Rejected a search for locations before the subscription\'s locations were offered.');
      return;
    }
    const candidates = locations.filter((location) => !sameArmName(location.name, except));
    const { regions, failures } = await regionsOffering(candidates, offer, (location) => this.deps.catalog.getCapabilities(subscriptionId, location));
    if (failures.length) this.deps.log.warn(`Could not read what ${failures.length} of ${candidates.length} locations offer: ${errorMessage(failures[0])}`);
    await this.deps.post({ type: 'catalog.regionsOffering', subscriptionId, offer, regions, unchecked: failures.length });
  }

  /** For the review's cost estimate; without prices the review says so, and Create still works. */
  private async offerPrices(location: string): Promise<void> {
    try {
      await this.deps.post({ type: 'catalog.prices', location, prices: await this.deps.catalog.getPostgresPrices(location) });
    } catch (err) {
      this.deps.log.warn(`Reading the prices of ${location} failed: ${errorMessage(err)}`);
      await this.deps.post({ type: 'catalog.pricesUnavailable', location, message: errorMessage(err) });
    }
  }

  async onServerNameChanged(subscriptionId: string, serverName: string, location?: string): Promise<void> {
    if (!this.knownSubscription(subscriptionId)) return;
    const question = ++this.nameQuestions;
    const format = serverNameSchema.safeParse(serverName);
    if (!format.success) {
      // Azure is not asked about a name that breaks its own rules.
      await this.deps.post({ type: 'form.serverNameAvailability', serverName, available: false, message: format.error.issues[0].message });
      return;
    }
    let available: boolean;
    try {
      const answer = await this.deps.catalog.checkNameAvailability(subscriptionId, serverName);
      available = answer.available;
      await this.deps.post({ type: 'form.serverNameAvailability', serverName, available, ...(answer.message ? { message: answer.message } : {}) });
    } catch (err) {
      this.deps.log.warn(`Name availability check failed: ${errorMessage(err)}`);
      if (isProviderNotRegistered(err)) await this.deps.post(this.deps.registration.failure(err, subscriptionId, l10n.t('Could not check the server name')));
      return;
    }
    if (!available || serverName === this.deps.refusedServerName()) await this.suggestFreeNames(subscriptionId, serverName, location, question);
  }

  private async suggestFreeNames(subscriptionId: string, serverName: string, location: string | undefined, question: number): Promise<void> {
    const stillWanted = () => question === this.nameQuestions;
    try {
      const suggestions = await freeServerNames(serverName, {
        location,
        random: this.deps.random,
        stillWanted,
        isAvailable: async (candidate) => (await this.deps.catalog.checkNameAvailability(subscriptionId, candidate)).available,
      });
      if (suggestions) await this.deps.post({ type: 'form.serverNameSuggestions', serverName, suggestions });
    } catch (err) {
      this.deps.log.warn(`Checking names to suggest failed, so none is suggested: ${errorMessage(err)}`);
    }
  }

  async onRegisterProvider(subscriptionId: string): Promise<void> {
    const subscription = this.knownSubscription(subscriptionId);
    const answer = subscription && (await this.deps.registration.register(subscription));
    if (answer) await this.deps.post(answer);
  }

  /** Create refused because the subscription is not registered (the preflight reads the provider): the same offer as a read's. */
  async offerRegistrationAfter(refusal: unknown, subscriptionId: string): Promise<void> {
    if (isProviderNotRegistered(refusal)) await this.deps.post(this.deps.registration.failure(refusal, subscriptionId, l10n.t('Create did not start')));
  }

  private knownSubscription(subscriptionId: string): SubscriptionChoice | undefined {
    const found = this.deps.offered.subscription(subscriptionId);
    if (!found) this.deps.log.warn('Rejected a webview message naming a subscription this panel did not offer.');
    return found;
  }
}
