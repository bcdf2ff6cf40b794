import * as l10n from '../../machines/l10n';
import type { FlexCapabilities, LocationChoice, ResourceGroupChoice, SubscriptionChoice } from '../../machines/flexDeployment/catalog';
import type { CreateServerRequest, ValidationErrors } from '../../machines/flexDeployment/createServerRequest';
import { resourceGroupChoiceError, sameArmName } from '../../machines/flexDeployment/resourceGroupChoice';
import { checkAgainstCapabilities } from '../azure/flexProvisioning/preflight';

interface SubscriptionOffer {
  resourceGroups: ResourceGroupChoice[];
  locations: LocationChoice[];
}

/**
 * What one panel offered its webview: the subscriptions, each subscription's resource groups and
 * locations, each subscription+location's capabilities. A create request is held to it, since a
 * webview can name anything; checking needs no call to Azure.
 */
export class OfferedChoices {
  private subscriptions: SubscriptionChoice[] = [];
  private readonly bySubscription = new Map<string, SubscriptionOffer>();
  private readonly capabilities = new Map<string, FlexCapabilities>();

  offerSubscriptions(subscriptions: SubscriptionChoice[]): void {
    this.subscriptions = subscriptions;
  }

  subscription(subscriptionId: string): SubscriptionChoice | undefined {
    return this.subscriptions.find((s) => s.subscriptionId === subscriptionId);
  }

  offerSubscriptionChoices(subscriptionId: string, offer: SubscriptionOffer): void {
    this.bySubscription.set(subscriptionId, offer);
  }

  /** The subscription's locations; undefined until its choices were offered. */
  locations(subscriptionId: string): LocationChoice[] | undefined {
    return this.bySubscription.get(subscriptionId)?.locations;
  }

  offerCapabilities(subscriptionId: string, location: string, capabilities: FlexCapabilities): void {
    this.capabilities.set(capabilitiesKey(subscriptionId, location), capabilities);
  }

  /** A message on each field whose choice was not offered; none when the request keeps to the offer. */
  check(request: CreateServerRequest): ValidationErrors {
    const subscription = this.subscription(request.subscriptionId);
    if (!subscription || subscription.tenantId !== request.tenantId) {
      return { subscriptionId: [l10n.t('Choose one of your Azure subscriptions.')] };
    }
    const offer = this.bySubscription.get(request.subscriptionId) ?? { resourceGroups: [], locations: [] };
    const offersLocation = (name: string) => offer.locations.some((l) => sameArmName(l.name, name));
    const errors: ValidationErrors = {};
    const groupError = resourceGroupChoiceError(request.resourceGroup, offer.resourceGroups);
    if (groupError) errors['resourceGroup.name'] = [groupError];
    const groupLocation = request.resourceGroup.location;
    if (request.resourceGroup.isNew && groupLocation !== undefined && !offersLocation(groupLocation)) {
      errors['resourceGroup.location'] = [l10n.t("Location '{0}' is not offered for this subscription: a new resource group needs one of its locations.", groupLocation)];
    }
    if (!offersLocation(request.location)) {
      errors.location = [l10n.t("Location '{0}' is not offered for this subscription. Choose one from the list.", request.location)];
      return errors;
    }
    const capabilities = this.capabilities.get(capabilitiesKey(request.subscriptionId, request.location));
    const mismatch = capabilities
      ? checkAgainstCapabilities(request, capabilities)
      : { field: 'version', message: l10n.t('What {0} offers has not been read yet. Choose the location again.', request.location) };
    if (mismatch) errors[mismatch.field] = [mismatch.message];
    return errors;
  }
}

function capabilitiesKey(subscriptionId: string, location: string): string {
  // Stryker disable next-line MethodExpression: the key is stored and looked up through this one function, in either case
  return `${subscriptionId}/${location.toLowerCase()}`;
}
