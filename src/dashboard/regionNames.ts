import type { LocationChoice } from '../../machines/flexDeployment/catalog';
import { sameLocation } from '../../machines/flexDeployment/locationName';

/** A region's display name ("West Europe") for ARM's name of it (`westeurope`). */
export interface RegionNames {
  /** Undefined when the location list cannot be read or does not name it: the raw name is shown then. */
  displayName(subscriptionId: string, location: string): Promise<string | undefined>;
}

/**
 * On the location list the create form already reads (the catalog's `listLocations`), read once per
 * subscription for the window's life: regions do not get renamed, and every refresh of every
 * dashboard would otherwise cost an ARM call. A failed read is not kept, so the next refresh tries again.
 */
export function createRegionNames(listLocations: (subscriptionId: string) => Promise<LocationChoice[]>): RegionNames {
  const lists = new Map<string, Promise<LocationChoice[]>>();
  return {
    async displayName(subscriptionId, location) {
      const key = subscriptionId.toLowerCase();
      let list = lists.get(key);
      if (!list) {
        list = listLocations(subscriptionId);
        lists.set(key, list);
        list.catch(() => lists.delete(key));
      }
      const locations = await list.catch(() => []);
      return locations.find((l) => sameLocation(l.name, location))?.displayName;
    },
  };
}
