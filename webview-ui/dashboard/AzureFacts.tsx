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
    <section aria-label="Azure">
      <h2>Azure</h2>
      <VscodeButton secondary onClick={onOpenInPortal}>
        Open in Azure Portal
      </VscodeButton>
      {arm.status === 'failed' ? (
        <p role="alert">{arm.message}</p>
      ) : arm.status === 'moved' ? (
        <>
          <p role="alert">{arm.message}</p>
          <VscodeButton onClick={onFollowMove}>Update Saved Connection</VscodeButton>
        </>
      ) : (
        <dl className="facts">
          <Fact term="State" value={arm.facts.state} />
          <Fact term="PostgreSQL version" value={arm.facts.version && postgresVersionLabel(arm.facts.version)} />
          <Fact term="Minor version" value={minorVersion(arm.facts)} />
          <Fact term="Compute" value={compute(arm.facts)} />
          <Fact term="Region" value={arm.facts.locationDisplayName ?? arm.facts.location} />
          <Fact term="Storage" value={arm.facts.storageSizeGB === undefined ? undefined : `${arm.facts.storageSizeGB} GiB`} />
          <Fact term="Server name" value={arm.facts.fqdn} />
          <Fact term="Public access" value={arm.facts.publicNetworkAccess} />
          <Fact term="Authentication" value={arm.facts.authentication && AUTHENTICATION_LABELS[arm.facts.authentication]} />
          <Fact term="Created" value={arm.facts.createdAt ? new Date(arm.facts.createdAt).toLocaleString() : undefined} />
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
