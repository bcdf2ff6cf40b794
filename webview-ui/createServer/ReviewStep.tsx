import type { ReactNode } from 'react';
import { VscodeButton } from '@vscode-elements/react-elements';
import type { ReviewSection } from './reviewSummary';

export interface ReviewStepProps {
  sections: ReviewSection[];
  /** Shown after the choices: the cost estimate. */
  children?: ReactNode;
  submitting: boolean;
  failure?: string;
  onBack: () => void;
  onCreate: () => void;
}

/** The last look before the billable Create. */
export function ReviewStep({ sections, children, submitting, failure, onBack, onCreate }: ReviewStepProps) {
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
        <VscodeButton disabled={submitting} onClick={onCreate}>{submitting ? 'Creating…' : 'Create'}</VscodeButton>
      </div>
    </main>
  );
}
