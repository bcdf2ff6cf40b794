import * as l10n from '../l10n';
import type { ResourceGroupChoice } from './catalog';

export const RESOURCE_GROUP_EXISTS = l10n.t('A resource group with this name already exists.');

/** ARM compares resource names (groups, locations) without regard to case. */
export function sameArmName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The resource group against the subscription's groups: an existing one must be among them, a new
 * one must not be. The name's own rules are the schema's.
 */
export function resourceGroupChoiceError(choice: { name: string; isNew: boolean }, groups: readonly ResourceGroupChoice[]): string | undefined {
  const exists = groups.some((g) => sameArmName(g.name, choice.name));
  if (choice.isNew) return exists ? RESOURCE_GROUP_EXISTS : undefined;
  return exists ? undefined : l10n.t("Resource group '{0}' is not one of this subscription's resource groups. Choose one from the list or create a new one.", choice.name);
}
