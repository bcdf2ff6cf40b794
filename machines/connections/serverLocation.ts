/** Where Azure has a server: a subscription (named when the account lists it) and a resource group. */
export interface ServerLocation {
  subscriptionId: string;
  subscriptionName?: string;
  resourceGroup: string;
}

/** A resource group, with its subscription when that is not the other place's (a move between subscriptions). */
export function groupShown(place: ServerLocation, other: Pick<ServerLocation, 'subscriptionId'>): string {
  if (sameSubscription(place, other)) return `resource group '${place.resourceGroup}'`;
  const subscription = place.subscriptionName ? `'${place.subscriptionName}' (${place.subscriptionId})` : `'${place.subscriptionId}'`;
  return `resource group '${place.resourceGroup}' of subscription ${subscription}`;
}

export function sameSubscription(a: Pick<ServerLocation, 'subscriptionId'>, b: Pick<ServerLocation, 'subscriptionId'>): boolean {
  return a.subscriptionId.toLowerCase() === b.subscriptionId.toLowerCase();
}
