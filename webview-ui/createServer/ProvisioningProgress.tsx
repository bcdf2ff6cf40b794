import * as l10n from '../../machines/l10n';
import { VscodeButton } from '../elements';
import { BusyIndicator } from '../BusyIndicator';
import type { DeploymentOperationView } from '../../machines/flexDeployment/catalog';
import { acceptedAt, startOf } from '../../machines/flexDeployment/deploymentClock';
import { progressTiming, type DurationEstimate } from '../../machines/flexDeployment/deploymentDurations';
import { failureGuidance, type FailureGuidance } from '../../machines/flexDeployment/failureGuidance';
import { firewallRulesOf } from '../../machines/flexDeployment/networking';
import { GuidanceNote } from './GuidanceNote';
import { provisioningStages, type ProvisioningStage } from '../../machines/flexDeployment/provisioningStages';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import type { NextStep } from '../../machines/webview/nextSteps';
import { progressHeadline } from '../../machines/webview/progressHeadline';
import { transientRetryNotice } from '../../machines/webview/transientRetryNotice';
import { mirrorDeployment } from './deploymentMirror';
import { ReadyNextSteps } from './ReadyNextSteps';

export interface ProvisioningProgressProps {
  deployment: DeploymentView;
  operations: readonly DeploymentOperationView[];
  estimate?: DurationEstimate;
  /** The clock, passed in so the view stays a function of its inputs. */
  now: number;
  onRetry: () => void;
  /** Asks the host to cancel; the host confirms with the user first. */
  onCancel: () => void;
  onNextStep: (step: NextStep) => void;
  /** Register Provider, for a deployment refused because its subscription is not registered; the host offers Retry after. */
  onRegisterProvider?: () => void;
  /** "Delete Leftover Resources…", offered with Retry: the host names what the deployment left and asks first. */
  onDeleteLeftovers?: () => void;
  copiedConnectionString?: string;
  /**
   * False once the host no longer tracks the deployment (dismissed, cleared): what it last showed
   * stays readable, and nothing is offered that the host would refuse.
   */
  tracked?: boolean;
}

// The command's title (package.json), as the Deployments view and the notifications show it.
const DELETE_LEFTOVERS_LABEL = l10n.t('Delete Leftover Resources…');
export const TAKING_LONGER_MESSAGE = l10n.t('Provisioning is taking longer than usual…');
export const UNTRACKED_MESSAGE = l10n.t(
  'This deployment is no longer tracked: its record was dismissed or cleared. What is shown here is how it last stood.',
);

/** The stepper, timing and outcome of one deployment, rendered from the host actor's mirrored state. */
export function ProvisioningProgress(props: ProvisioningProgressProps) {
  const { deployment, operations, estimate, now, onRetry, onCancel, tracked = true } = props;
  const mirror = mirrorDeployment(deployment);
  const { context } = mirror;
  const usesEntra = context.request
    ? context.request.authenticationMode !== 'PostgreSQLOnly'
    : context.connectionProfile.authenticationType === 'AzureMFA';
  const stages = provisioningStages({
    phase: context.status,
    acceptedAt: acceptedAt(context),
    terminalAt: context.terminalAt,
    usesEntra,
    hasFirewallRules: context.request ? firewallRulesOf(context.request).length > 0 : undefined,
    operations,
  });
  const running = tracked && mirror.hasTag('running');
  const failed = mirror.hasTag('failure');
  const canceled = mirror.hasTag('canceled');
  const cancelling = mirror.hasTag('cancelling');
  const ready = mirror.hasTag('serverReady');
  const timing = progressTiming(running ? now : (context.terminalAt ?? now), startOf(context), estimate);
  const retryNotice = transientRetryNotice(context, now);

  return (
    <main className="progress" aria-live="polite">
      <h1>{progressHeadline(deployment, tracked)}</h1>
      {tracked ? null : <p className="untracked" role="status">{UNTRACKED_MESSAGE}</p>}
      <ol className="stages" aria-label={l10n.t('Provisioning stages')}>
        {stages.map((stage) => <StageItem key={stage.id} stage={stage} />)}
      </ol>
      <p className="timing">
        <span>{l10n.t('Elapsed {0}', formatDuration(timing.elapsedMs))}</span>
        {running && timing.remainingMs !== undefined && estimate ? (
          <span>
            {' · '}
            {timing.remainingMs > 0 ? l10n.t('About {0} remaining', formatDuration(timing.remainingMs)) : l10n.t('Should finish any moment')}
            {' '}
            {estimate.scope === 'sameRegionAndTier'
              ? l10n.t('(typical for {0} earlier deployments like this one)', estimate.sampleSize)
              : l10n.t('(typical for {0} earlier deployments)', estimate.sampleSize)}
          </span>
        ) : null}
      </p>
      {running && timing.takingLonger ? <p className="taking-longer" role="status">{TAKING_LONGER_MESSAGE}</p> : null}
      {running && context.unchecked ? (
        <p className="unchecked" role="status">
          {l10n.t('Azure could not be checked since {0} ({1}).', l10n.formatTime(context.unchecked.since), context.unchecked.reason)}
          {' '}
          {l10n.t('The deployment goes on in Azure; it is checked again as soon as Azure can be read.')}
        </p>
      ) : null}
      {running && retryNotice ? <p className="transient-retry" role="status">{retryNotice}</p> : null}
      {tracked && mirror.hasTag('cancelable') ? (
        <VscodeButton secondary className="cancel" onClick={onCancel}>
          {l10n.t('Cancel Deployment')}
        </VscodeButton>
      ) : null}
      {tracked && cancelling ? (
        <p className="cancelling" role="status">
          {context.cancellation?.unanswered
            ? l10n.t('Azure did not answer the cancel ({0}); it is sent again at the next check.', context.cancellation.unanswered.reason)
            : l10n.t('Cancelling: Azure stops the deployment. What it has already created stays.')}
        </p>
      ) : null}
      {canceled ? (
        <section className="canceled" role="status">
          <h2>{l10n.t('Deployment canceled')}</h2>
          <p>{l10n.t('No connection profile was saved. Resources Azure had already created stay in resource group {0}.', context.resourceGroupName)}</p>
          {tracked ? <RetryOffer retriedAt={context.retryRequestedAt} onRetry={onRetry} onDeleteLeftovers={props.onDeleteLeftovers} /> : null}
        </section>
      ) : null}
      {failed ? (
        <section className="failure" role="alert">
          <h2>{l10n.t('Deployment failed')}</h2>
          <p>{context.armError ? `${context.armError.message} (${context.armError.code})` : (context.error ?? l10n.t('Azure did not say why.'))}</p>
          <FailureAdvice guidance={failureGuidance(context)} onRegisterProvider={tracked ? props.onRegisterProvider : undefined} />
          {context.armError?.chain && context.armError.chain.length > 1 ? (
            <details>
              <summary>{l10n.t('Details')}</summary>
              <ul>{context.armError.chain.map((e, i) => <li key={i}>{`${e.code}: ${e.message}`}</li>)}</ul>
            </details>
          ) : null}
          {tracked ? <RetryOffer retriedAt={context.retryRequestedAt} onRetry={onRetry} onDeleteLeftovers={props.onDeleteLeftovers} /> : null}
        </section>
      ) : null}
      {ready ? (
        <p className="ready">
          {mirror.hasTag('unfinished') ? l10n.t('Saving the connection profile…') : l10n.t('Server {0} is ready.', context.serverName)}
          {context.effectError ? ` ${context.effectError}` : ''}
        </p>
      ) : null}
      {ready && tracked ? (
        <ReadyNextSteps deployment={deployment} onNextStep={props.onNextStep} copiedConnectionString={props.copiedConnectionString} />
      ) : null}
    </main>
  );
}

/**
 * Retry once: after that the form it reopened is where the new attempt goes, and the host refuses
 * another. Leftovers are offered exactly as long: the new attempt may reuse the server's name.
 */
function RetryOffer({ retriedAt, onRetry, onDeleteLeftovers }: { retriedAt: number | undefined; onRetry: () => void; onDeleteLeftovers?: () => void }) {
  if (retriedAt === undefined) {
    return (
      <div className="retry-offer">
        <VscodeButton onClick={onRetry}>{l10n.t('Retry')}</VscodeButton>
        {onDeleteLeftovers ? (
          <VscodeButton secondary onClick={onDeleteLeftovers}>
            {DELETE_LEFTOVERS_LABEL}
          </VscodeButton>
        ) : null}
      </div>
    );
  }
  return <p className="retried">{l10n.t('Retried at {0}: the create form opened again with these settings.', l10n.formatTime(retriedAt))}</p>;
}

/** Azure's advice, and the one action the extension can take for it: registering the provider. */
function FailureAdvice({ guidance, onRegisterProvider }: { guidance: FailureGuidance | undefined; onRegisterProvider?: () => void }) {
  if (!guidance) return null;
  return (
    <>
      <GuidanceNote guidance={guidance} />
      {guidance.action === 'registerProvider' && onRegisterProvider ? <VscodeButton onClick={onRegisterProvider}>{l10n.t('Register Provider')}</VscodeButton> : null}
    </>
  );
}

function StageItem({ stage }: { stage: ProvisioningStage }) {
  return (
    <li className={`stage stage-${stage.status}`} data-status={stage.status}>
      <span className="stage-icon" aria-hidden={stage.status !== 'current'}>
        {stage.status === 'current' ? <BusyIndicator label={l10n.t('In progress')} /> : ICONS[stage.status]}
      </span>
      <span className="stage-label">{stage.label}</span>
      {stage.finishedAt !== undefined ? (
        <time className="stage-time" dateTime={new Date(stage.finishedAt).toISOString()}>
          {stoppedAt(stage.status, l10n.formatTime(stage.finishedAt))}
        </time>
      ) : null}
    </li>
  );
}

const ICONS = { done: '✓', failed: '✗', canceled: '⊘', waiting: '○', current: '' } as const;

/** A stage's time, said with how it stopped there when it did: its icon alone is hidden from screen readers. */
function stoppedAt(status: ProvisioningStage['status'], time: string): string {
  if (status === 'failed') return l10n.t('failed at {0}', time);
  return status === 'canceled' ? l10n.t('canceled at {0}', time) : time;
}

/** 75_000 → "1:15"; an hour or more → "1:02:05". */
export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
