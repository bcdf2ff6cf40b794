import * as l10n from '../../../machines/l10n';
import type { FlexCapabilities } from '../../../machines/flexDeployment/catalog';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { unofferedOptions } from '../../../machines/flexDeployment/offeredOptions';
import { PreflightError } from '../../services/flexDeployment/serverProvisioner';

/**
 * The request against what the location offers, field by field, so the form can put the message
 * next to the field; the first mismatch wins because later fields depend on earlier ones.
 */
export function checkAgainstCapabilities(request: CreateServerRequest, capabilities: FlexCapabilities): FieldError | undefined {
  const where = request.location;
  if (!capabilities.versions.includes(request.version)) {
    return fieldError('version', l10n.t('PostgreSQL {0} is not offered in {1}. Available versions: {2}.', request.version, where, capabilities.versions.join(', ')));
  }
  const tier = capabilities.tiers.find((t) => t.tier === request.tier);
  if (!tier) {
    return fieldError('tier', l10n.t('The {0} compute tier is not offered in {1}. Available tiers: {2}.', request.tier, where, capabilities.tiers.map((t) => t.tier).join(', ')));
  }
  if (!tier.skus.some((sku) => sku.name === request.skuName)) {
    return fieldError('skuName', l10n.t('Compute size {0} is not offered in the {1} tier in {2}.', request.skuName, request.tier, where));
  }
  if (!tier.storageSizesGB.includes(request.storageSizeGB)) {
    return fieldError(
      'storageSizeGB',
      l10n.t('Storage size {0} GiB is not offered in the {1} tier in {2}. Available sizes (GiB): {3}.', request.storageSizeGB, request.tier, where, tier.storageSizesGB.join(', ')),
    );
  }
  const [option] = Object.entries(unofferedOptions(request, capabilities));
  return option ? fieldError(option[0], option[1][0]) : undefined;
}

type FieldError = PreflightError & { readonly field: string };

function fieldError(field: string, message: string): FieldError {
  return new PreflightError(field, message) as FieldError;
}
