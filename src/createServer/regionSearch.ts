import type { FlexCapabilities, LocationChoice } from '../../machines/flexDeployment/catalog';
import { offersServer, type RefusedOffer } from '../../machines/flexDeployment/regionsOffering';

/**
 * How many locations' capabilities are read at once. A subscription lists about 60 locations, and
 * ARM throttles reads per subscription: a few at a time finish in seconds without tripping it.
 */
export const REGION_SEARCH_CONCURRENCY = 4;

export interface RegionSearchResult {
  /** The locations that offer the server, in the order they were given. */
  regions: LocationChoice[];
  /** Why each location that could not be read was not (it is neither offered nor ruled out). */
  failures: unknown[];
}

/** Reads each location's capabilities, a few at a time, and keeps the locations that offer the server. */
export async function regionsOffering(
  locations: readonly LocationChoice[],
  offer: RefusedOffer,
  readCapabilities: (location: string) => Promise<FlexCapabilities>,
): Promise<RegionSearchResult> {
  const offered = new Set<LocationChoice>();
  const failures: unknown[] = [];
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < locations.length) {
      const location = locations[next++];
      try {
        if (offersServer(await readCapabilities(location.name), offer)) offered.add(location);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(REGION_SEARCH_CONCURRENCY, locations.length) }, reader));
  return { regions: locations.filter((location) => offered.has(location)), failures };
}
