import * as l10n from '../l10n';
/** Where Azure has a server: a subscription (named when the account lists it) and a resource group. */
export interface ServerLocation {
  subscriptionId: string;
  subscriptionName?: string;
  resourceGroup: string;
}

/** A resource group, with its subscription when that is not the other place's (a move between subscriptions). */
export function groupShown(place: ServerLocation, other: Pick<ServerLocation, 'subscriptionId'>): string {
  if (sameSubscription(place, other)) return l10n.t("resource group '{0}'", place.resourceGroup);
  return place.subscriptionName
    ? l10n.t("resource group '{0}' of subscription '{1}' ({2})", place.resourceGroup, place.subscriptionName, place.subscriptionId)
    : l10n.t("resource group '{0}' of subscription '{1}'", place.resourceGroup, place.subscriptionId);
}

export function sameSubscription(a: Pick<ServerLocation, 'subscriptionId'>, b: Pick<ServerLocation, 'subscriptionId'>): boolean {
  return a.subscriptionId.toLowerCase() === b.subscriptionId.toLowerCase();
}
