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
      <h1>Review + create</h1>
      <p>Creating the server starts billing. Check your choices:</p>
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
        <VscodeButton secondary disabled={submitting} onClick={onBack}>Back</VscodeButton>
        <VscodeButton secondary disabled={submitting} onClick={onSaveTemplate}>Save as Template</VscodeButton>
        <VscodeButton disabled={submitting} onClick={onCreate}>{submitting ? 'Creating…' : 'Create'}</VscodeButton>
      </div>
      {template ? <TemplateStatus outcome={template} /> : null}
    </main>
  );
}

/** Where "Save as Template" wrote, and the commands that deploy it (the CLI asks for the password). */
function TemplateStatus({ outcome }: { outcome: TemplateOutcome }) {
  if (!outcome.saved) return <p className="form-failure" role="alert">{outcome.message}</p>;
  return (
    <section role="status" aria-label="Saved template">
      <p>Saved {outcome.files.join(' and ')} in {outcome.folder}. To deploy them with the Azure CLI, which asks for the password:</p>
      <pre className="template-commands">{outcome.commands.join('\n')}</pre>
    </section>
  );
}
