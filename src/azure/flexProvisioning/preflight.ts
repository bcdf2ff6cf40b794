import type { FlexCapabilities } from '../../../machines/flexDeployment/catalog';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { unofferedOptions } from '../../../machines/flexDeployment/offeredOptions';
import { PreflightError } from '../../services/flexDeployment/serverProvisioner';

/**
 * The request against what the location offers, field by field, so the form can put the message
 * next to the field; the first mismatch wins because later fields depend on earlier ones.
 */
export function checkAgainstCapabilities(request: CreateServerRequest, capabilities: FlexCapabilities): FieldError | undefined {
  const where = `in ${request.location}`;
  if (!capabilities.versions.includes(request.version)) {
    return fieldError('version', `PostgreSQL ${request.version} is not offered ${where}. Available versions: ${capabilities.versions.join(', ')}.`);
  }
  const tier = capabilities.tiers.find((t) => t.tier === request.tier);
  if (!tier) {
    return fieldError('tier', `The ${request.tier} compute tier is not offered ${where}. Available tiers: ${capabilities.tiers.map((t) => t.tier).join(', ')}.`);
  }
  if (!tier.skus.some((sku) => sku.name === request.skuName)) {
    return fieldError('skuName', `Compute size ${request.skuName} is not offered in the ${request.tier} tier ${where}.`);
  }
  if (!tier.storageSizesGB.includes(request.storageSizeGB)) {
    return fieldError('storageSizeGB', `Storage size ${request.storageSizeGB} GiB is not offered in the ${request.tier} tier ${where}. Available sizes (GiB): ${tier.storageSizesGB.join(', ')}.`);
  }
  const [option] = Object.entries(unofferedOptions(request, capabilities));
  return option ? fieldError(option[0], option[1][0]) : undefined;
}

type FieldError = PreflightError & { readonly field: string };

function fieldError(field: string, message: string): FieldError {
  return new PreflightError(field, message) as FieldError;
}
