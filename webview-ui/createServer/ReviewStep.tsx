import * as l10n from '../../machines/l10n';
import type { ReactNode } from 'react';
import { VscodeButton } from '../elements';
import type { ReviewSection } from './reviewSummary';
import type { TemplateOutcome } from './useCreateServerForm';

export interface ReviewStepProps {
  sections: ReviewSection[];
  /** Shown after the choices: the cost estimate. */
  children?: ReactNode;
  submitting: boolean;
  failure?: string;
  template?: TemplateOutcome;
  onBack: () => void;
  onCreate: () => void;
  onSaveTemplate: () => void;
}

/** The last look before the billable Create. */
export function ReviewStep({ sections, children, submitting, failure, template, onBack, onCreate, onSaveTemplate }: ReviewStepProps) {
  return (
    <main className="create-form review">
      <h1>{l10n.t('Review + create')}</h1>
      <p>{l10n.t('Creating the server starts billing. Check your choices:')}</p>
      {failure ? <p className="form-failure" role="alert">{failure}</p> : null}
      {sections.map((section) => (
        <section key={section.heading} aria-label={section.heading}>
          <h2>{section.heading}</h2>
          <dl className="review-lines">
            {section.lines.map((line) => (
              <div key={line.label} className="review-line">
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {children}
      <div className="form-actions">
        <VscodeButton secondary disabled={submitting} onClick={onBack}>{l10n.t('Back')}</VscodeButton>
        <VscodeButton secondary disabled={submitting} onClick={onSaveTemplate}>{l10n.t('Save as Template')}</VscodeButton>
        <VscodeButton disabled={submitting} onClick={onCreate}>{submitting ? l10n.t('Creating…') : l10n.t('Create')}</VscodeButton>
      </div>
      {template ? <TemplateStatus outcome={template} /> : null}
    </main>
  );
}

/** Where "Save as Template" wrote, and the commands that deploy it (the CLI asks for the password). */
function TemplateStatus({ outcome }: { outcome: TemplateOutcome }) {
  if (!outcome.saved) return <p className="form-failure" role="alert">{outcome.message}</p>;
  return (
    <section role="status" aria-label={l10n.t('Saved template')}>
      <p>
        {l10n.t('Saved {0} in {1}. To deploy them with the Azure CLI, which asks for the password:', outcome.files.join(l10n.t(' and ')), outcome.folder)}
      </p>
      <pre className="template-commands">{outcome.commands.join('\n')}</pre>
    </section>
  );
}
