import type { SkuCapability } from './catalog';

/**
 * The compute size to suggest after a size broke the vCore quota: the largest offered size with
 * fewer vCores than the failed one, so the server loses as little as the quota forces. Among sizes
 * of that many vCores, the failed size's own series is preferred (D4ds_v5 → D2ds_v5, not D2ads_v5),
 * then the first one Azure lists. Undefined when nothing offered is smaller.
 */
export function smallerSkuThan<T extends Pick<SkuCapability, 'name' | 'vCores'>>(failed: Pick<SkuCapability, 'name' | 'vCores'>, offered: readonly T[]): T | undefined {
  const smaller = offered.filter((sku) => sku.vCores < failed.vCores);
  const most = Math.max(...smaller.map((sku) => sku.vCores));
  const largest = smaller.filter((sku) => sku.vCores === most);
  return largest.find((sku) => seriesOf(sku.name) === seriesOf(failed.name)) ?? largest[0];
}

/** A size's name without its vCore count: Standard_D4ds_v5 and Standard_D2ds_v5 are one series. */
function seriesOf(skuName: string): string {
  // Stryker disable next-line Regex: Azure's size names begin with Standard_, so the match is the same without `^`.
  return skuName.toLowerCase().replace(/^(standard_[a-z]+)\d+/, '$1#');
}
