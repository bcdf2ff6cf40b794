import * as l10n from '../../machines/l10n';
import type { SubscriptionChoice } from '../../machines/flexDeployment/catalog';
import type { CreateServerHostMessage } from '../../machines/webview/createServerMessages';
import { errorMessage } from '../../machines/errorMessage';
import { isProviderNotRegistered, POSTGRES_PROVIDER, ProviderRegistrationError, type ProviderRegistrar } from '../azure/providerRegistration';
import type { CreateServerLog, CreateServerWindow } from './ports';

type CatalogFailed = Extract<CreateServerHostMessage, { type: 'catalog.failed' }>;
type Registered = Extract<CreateServerHostMessage, { type: 'catalog.providerRegistered' }>;

export interface ProviderRegistrationOfferDeps {
  registrar: ProviderRegistrar;
  window: Pick<CreateServerWindow, 'withProgress'>;
  log: CreateServerLog;
}

/**
 * The create form's offer to register the subscription for Microsoft.DBforPostgreSQL: made when
 * ARM refuses a read of the provider because the subscription is not registered, and honoured only
 * for a subscription it was made for — a webview cannot have the host register anything else.
 */
export class ProviderRegistrationOffer {
  private readonly offered = new Set<string>();

  constructor(private readonly deps: ProviderRegistrationOfferDeps) {}

  /** What the form is told about a failed read: ARM's words, and the offer when that is the reason. */
  failure(error: unknown, subscriptionId: string, what: string): CatalogFailed {
    const message = l10n.t('{0}: {1}', what, errorMessage(error));
    if (!isProviderNotRegistered(error)) return { type: 'catalog.failed', message };
    this.offered.add(subscriptionId.toLowerCase());
    return { type: 'catalog.failed', message: `${message} ${l10n.t('Register it to go on.')}`, unregisteredProvider: { subscriptionId, namespace: POSTGRES_PROVIDER } };
  }

  /** Registers, with a progress notification; the answer tells the form to read Azure again, or why it cannot yet. */
  async register(subscription: SubscriptionChoice): Promise<Registered | CatalogFailed | undefined> {
    const { subscriptionId } = subscription;
    if (!this.offered.has(subscriptionId.toLowerCase())) {
      this.deps.log.warn('Rejected a provider registration for a subscription the form was not offered one for.');
      return undefined;
    }
    try {
      await this.deps.window.withProgress(l10n.t('Registering {0} for subscription {1}…', POSTGRES_PROVIDER, subscription.displayName), () => this.deps.registrar.register(subscription));
    } catch (error) {
      this.deps.log.warn(`Registering ${POSTGRES_PROVIDER} for ${subscriptionId} did not complete: ${errorMessage(error)}`);
      // Without the permission, offering again would only fail again: the message names who can.
      const offerAgain = !(error instanceof ProviderRegistrationError && error.reason === 'notPermitted');
      if (!offerAgain) this.offered.delete(subscriptionId.toLowerCase());
      return { type: 'catalog.failed', message: errorMessage(error), ...(offerAgain ? { unregisteredProvider: { subscriptionId, namespace: POSTGRES_PROVIDER } } : {}) };
    }
    this.offered.delete(subscriptionId.toLowerCase());
    this.deps.log.info(`Registered ${POSTGRES_PROVIDER} for subscription ${subscriptionId}.`);
    return { type: 'catalog.providerRegistered', subscriptionId };
  }
}
