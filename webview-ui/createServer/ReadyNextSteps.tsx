import * as l10n from '../../machines/l10n';
import { VscodeButton } from '../elements';
import { NEXT_STEPS, offeredNextSteps, type NextStep } from '../../machines/webview/nextSteps';
import type { DeploymentView } from '../../machines/webview/deploymentView';

export const NEXT_STEP_LABELS: Record<NextStep, string> = {
  connect: l10n.t('Connect'),
  openDashboard: l10n.t('Open Dashboard'),
  copyConnectionString: l10n.t('Copy Connection String'),
  openInPortal: l10n.t('Open in Azure Portal'),
};

export interface ReadyNextStepsProps {
  deployment: DeploymentView;
  onNextStep: (step: NextStep) => void;
  /** What the host last copied for this deployment. */
  copiedConnectionString?: string;
}

/**
 * What to do with the ready server, the same whether or not the dashboard opened by itself. A
 * step the host would refuse now (Connect before the profile is saved) is shown, but disabled.
 */
export function ReadyNextSteps({ deployment, onNextStep, copiedConnectionString }: ReadyNextStepsProps) {
  const offered = offeredNextSteps(deployment);
  return (
    <section className="next-steps" aria-label={l10n.t('Next steps')}>
      <div className="next-step-buttons">
        {NEXT_STEPS.map((step) => (
          <VscodeButton key={step} secondary={step !== 'connect'} disabled={!offered.includes(step)} onClick={() => onNextStep(step)}>
            {NEXT_STEP_LABELS[step]}
          </VscodeButton>
        ))}
      </div>
      {copiedConnectionString ? (
        <p className="copied" role="status">
          {l10n.t('Copied to the clipboard (no password in it):')}
          {' '}
          <code>{copiedConnectionString}</code>
        </p>
      ) : null}
    </section>
  );
}
