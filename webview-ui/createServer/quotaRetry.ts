import * as l10n from '../../machines/l10n';
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
  const notice = (advice: string): SizeNotice => ({ advice, link: QUOTA_REQUEST });
  if (!tier || !failed) {
    return {
      notice: notice(l10n.t(
        "Azure's vCore quota in {0} was used up by {1}. Choose a smaller compute size, another tier or another region, or request more quota.",
        retry.location,
        retry.skuName,
      )),
    };
  }
  const suggested = smallerSkuThan(failed, tier.skus);
  if (!suggested) {
    return {
      notice: notice(l10n.t(
        "Azure's vCore quota in {0} was used up: {1} is the smallest {2} size. Choose another tier or another region, or request more quota.",
        retry.location,
        sized(failed),
        TIER_LABELS[tier.tier] ?? tier.tier,
      )),
    };
  }
  return {
    skuName: suggested.name,
    notice: notice(l10n.t(
      "Azure's vCore quota in {0} was used up: {1} is suggested instead of {2}. Request more quota to keep the larger size.",
      retry.location,
      sized(suggested),
      sized(failed),
    )),
  };
}

function sized(sku: Pick<SkuCapability, 'name' | 'vCores'>): string {
  return sku.vCores === 1 ? l10n.t('{0} (1 vCore)', sku.name) : l10n.t('{0} ({1} vCores)', sku.name, sku.vCores);
}
