import type { FlexCapabilities, SkuCapability } from '../../machines/flexDeployment/catalog';
import { QUOTA_REQUEST, type FailureGuidance } from '../../machines/flexDeployment/failureGuidance';
import { smallerSkuThan } from '../../machines/flexDeployment/smallerSku';
import type { FormPrefill } from '../../machines/webview/createServerMessages';
import { TIER_LABELS } from '../../machines/webview/displayNames';

/** What a retry after the vCore quota ran out knows: where, with which size, in which tier. */
export type QuotaRetry = NonNullable<FormPrefill['quotaExceeded']> & { tier: string };

/** Said next to the compute size: what happened, what the form chose instead, and where to ask for more. */
export type SizeNotice = Required<Pick<FailureGuidance, 'advice' | 'link'>>;

/**
 * The size to retry with once the failed location's capabilities are known: the tier's next
 * smaller size (undefined when there is none), and the notice that says so. The same size would
 * only fail again; a smaller one may fit in what is left of the quota.
 */
export function sizeAfterQuota(retry: QuotaRetry, capabilities: FlexCapabilities): { skuName?: string; notice: SizeNotice } {
  const tier = capabilities.tiers.find((t) => t.tier === retry.tier);
  const failed = tier?.skus.find((s) => s.name === retry.skuName);
  const usedUp = `Azure's vCore quota in ${retry.location} was used up`;
  const notice = (advice: string): SizeNotice => ({ advice, link: QUOTA_REQUEST });
  if (!tier || !failed) {
    return { notice: notice(`${usedUp} by ${retry.skuName}. Choose a smaller compute size, another tier or another region, or request more quota.`) };
  }
  const suggested = smallerSkuThan(failed, tier.skus);
  if (!suggested) {
    return {
      notice: notice(`${usedUp}: ${sized(failed)} is the smallest ${TIER_LABELS[tier.tier] ?? tier.tier} size. Choose another tier or another region, or request more quota.`),
    };
  }
  return {
    skuName: suggested.name,
    notice: notice(`${usedUp}: ${sized(suggested)} is suggested instead of ${sized(failed)}. Request more quota to keep the larger size.`),
  };
}

function sized(sku: Pick<SkuCapability, 'name' | 'vCores'>): string {
  return `${sku.name} (${sku.vCores} ${sku.vCores === 1 ? 'vCore' : 'vCores'})`;
}
