import { useEffect, useRef, useState } from 'react';
import type { LocationChoice } from '../../machines/flexDeployment/catalog';
import type { RefusedOffer } from '../../machines/flexDeployment/regionsOffering';
import type { FormPrefill } from '../../machines/webview/createServerMessages';
import { onHostMessage, type WebviewHost } from '../webviewHost';

/** The server a location refused (SkuNotAvailable), in the subscription it was refused to. */
export type Refusal = NonNullable<FormPrefill['skuNotAvailable']> & { subscriptionId: string };

/** A Retry's search for the locations that offer the refused server: under way, or its answer. */
export interface RegionSearch {
  refusal: Refusal;
  found?: { regions: LocationChoice[]; unchecked: number };
}

/**
 * After SkuNotAvailable, a Retry's form asks the host once which of the subscription's other
 * locations offer the refused server, as soon as the host has listed that subscription's locations.
 */
export function useRegionSearch(host: WebviewHost): RegionSearch | undefined {
  const [search, setSearch] = useState<RegionSearch | undefined>();
  /** Until asked: once per filling. */
  const unasked = useRef<Refusal | undefined>(undefined);
  useEffect(
    () =>
      onHostMessage((message) => {
        switch (message.type) {
          case 'form.init': {
            const refused = message.prefill?.skuNotAvailable;
            const subscriptionId = message.prefill?.subscriptionId;
            unasked.current = refused && subscriptionId ? { ...refused, subscriptionId } : undefined;
            setSearch(unasked.current ? { refusal: unasked.current } : undefined);
            return;
          }
          case 'catalog.subscriptionChoices': {
            const refusal = unasked.current;
            if (refusal?.subscriptionId !== message.subscriptionId) return;
            unasked.current = undefined;
            const { tier, skuName, version } = refusal;
            host.postMessage({ type: 'form.findRegionsOffering', subscriptionId: refusal.subscriptionId, offer: { tier, skuName, version }, except: refusal.location });
            return;
          }
          case 'catalog.regionsOffering': {
            const { subscriptionId, offer, regions, unchecked } = message;
            setSearch((s) => (s && s.refusal.subscriptionId === subscriptionId && sameOffer(s.refusal, offer) ? { ...s, found: { regions, unchecked } } : s));
            return;
          }
        }
      }),
    [host],
  );
  return search;
}

function sameOffer(a: RefusedOffer, b: RefusedOffer): boolean {
  return a.tier === b.tier && a.skuName === b.skuName && a.version === b.version;
}
