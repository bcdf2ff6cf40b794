import * as z from 'zod';
import { computeTierSchema, type FlexCapabilities } from './catalog';
import { sameArmName } from './resourceGroupChoice';

/** A server a region was refused (SkuNotAvailable): its compute size, in its tier, at its version. */
export const refusedOfferSchema = z.strictObject({
  tier: computeTierSchema,
  skuName: z.string().min(1).max(100),
  version: z.string().min(1).max(10),
});
export type RefusedOffer = z.infer<typeof refusedOfferSchema>;

/**
 * Whether a location's capabilities, as the subscription reads them, offer the refused server: the
 * version, and the size in its tier. Capabilities are per subscription and leave out what they list
 * as Disabled for it (flexCapabilities.ts), so this is what the form itself would offer there.
 */
export function offersServer(capabilities: FlexCapabilities, wanted: RefusedOffer): boolean {
  if (!capabilities.versions.includes(wanted.version)) return false;
  const tier = capabilities.tiers.find((t) => t.tier === wanted.tier);
  return tier?.skus.some((sku) => sameArmName(sku.name, wanted.skuName)) ?? false;
}
