import * as l10n from '../../machines/l10n';
import type { LocationChoice } from '../../machines/flexDeployment/catalog';
import { postgresVersionLabel, TIER_LABELS } from '../../machines/webview/displayNames';
import { VscodeButton } from '../elements';
import type { RegionSearch } from './useRegionSearch';

/**
 * Next to the location after SkuNotAvailable: where the refused server was refused, and the
 * subscription's locations that offer it (a click makes one the location), or that none does.
 */
export function RegionsOffering({ search, locations, chosen, onChoose }: {
  search: RegionSearch | undefined;
  locations: readonly LocationChoice[];
  chosen: string;
  onChoose: (location: string) => void;
}) {
  if (!search) return null;
  const { refusal, found } = search;
  const displayName = (name: string) => locations.find((l) => l.name === name)?.displayName ?? name;
  const server = `${refusal.skuName} (${TIER_LABELS[refusal.tier] ?? refusal.tier}, ${postgresVersionLabel(refusal.version)})`;
  const refused = l10n.t('Azure did not offer {0} in {1} to this subscription.', server, displayName(refusal.location));
  const unchecked = !found?.unchecked ? []
    : found.unchecked === 1 ? [l10n.t('1 location could not be checked.')]
      : [l10n.t('{0} locations could not be checked.', found.unchecked)];
  const outcome = !found
    ? [l10n.t('Looking for the locations that offer it…')]
    : found.regions.length
      ? [l10n.t('These locations offer it; or keep this one and choose another compute size.'), ...unchecked]
      : [l10n.t('No other location offers it: choose another compute size.'), ...unchecked];
  return (
    <div className="regions-offering">
      <p className="guidance" id="location-regions" role="status">
        {[refused, ...outcome].join(' ')}
      </p>
      {found?.regions.length ? (
        <div className="name-suggestions" role="group" aria-label={l10n.t('Locations that offer it')}>
          {found.regions.map((region) => (
            <VscodeButton key={region.name} secondary={region.name !== chosen} onClick={() => onChoose(region.name)}>{region.displayName}</VscodeButton>
          ))}
        </div>
      ) : null}
    </div>
  );
}
