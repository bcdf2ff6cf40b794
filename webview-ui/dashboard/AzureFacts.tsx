import * as l10n from '../../machines/l10n';
import { VscodeButton } from '../elements';
import type { ArmFactsState, ServerFacts } from '../../machines/webview/dashboardMessages';
import { AUTHENTICATION_LABELS, postgresVersionLabel, TIER_LABELS } from '../../machines/webview/displayNames';
import { Fact } from './Fact';

/** The server as Azure describes it, in the portal's words, with Open in Azure Portal; where it went, when it moved. */
export function AzureFacts({ arm, onOpenInPortal, onFollowMove }: { arm: ArmFactsState; onOpenInPortal: () => void; onFollowMove: () => void }) {
  if (arm.status === 'notAzure') {
    return null;
  }
  return (
    <section aria-label={l10n.t('Azure')}>
      <h2>{l10n.t('Azure')}</h2>
      <VscodeButton secondary onClick={onOpenInPortal}>
        {l10n.t('Open in Azure Portal')}
      </VscodeButton>
      {arm.status === 'failed' ? (
        <p role="alert">{arm.message}</p>
      ) : arm.status === 'moved' ? (
        <>
          <p role="alert">{arm.message}</p>
          <VscodeButton onClick={onFollowMove}>{l10n.t('Update Saved Connection')}</VscodeButton>
        </>
      ) : (
        <dl className="facts">
          <Fact term={l10n.t('State')} value={arm.facts.state} />
          <Fact term={l10n.t('PostgreSQL version')} value={arm.facts.version && postgresVersionLabel(arm.facts.version)} />
          <Fact term={l10n.t('Minor version')} value={minorVersion(arm.facts)} />
          <Fact term={l10n.t('Compute')} value={compute(arm.facts)} />
          <Fact term={l10n.t('Region')} value={arm.facts.locationDisplayName ?? arm.facts.location} />
          <Fact term={l10n.t('Storage')} value={arm.facts.storageSizeGB === undefined ? undefined : l10n.t('{0} GiB', arm.facts.storageSizeGB)} />
          <Fact term={l10n.t('Server name')} value={arm.facts.fqdn} />
          <Fact term={l10n.t('Public access')} value={arm.facts.publicNetworkAccess} />
          <Fact term={l10n.t('Authentication')} value={arm.facts.authentication && AUTHENTICATION_LABELS[arm.facts.authentication]} />
          <Fact term={l10n.t('Created')} value={arm.facts.createdAt ? l10n.formatDateTime(arm.facts.createdAt) : undefined} />
        </dl>
      )}
    </section>
  );
}

function compute(facts: ServerFacts): string | undefined {
  const tier = facts.tier && (TIER_LABELS[facts.tier] ?? facts.tier);
  return [tier, facts.skuName].filter(Boolean).join(' · ') || undefined;
}

/** ARM gives the minor version alone ("1" of 18.1). */
function minorVersion(facts: ServerFacts): string | undefined {
  if (!facts.minorVersion) return undefined;
  return facts.version && !facts.minorVersion.includes('.') ? `${facts.version}.${facts.minorVersion}` : facts.minorVersion;
}
