import type { ReactNode } from 'react';
import { VscodeFormGroup, VscodeFormHelper, VscodeLabel } from '../elements';

export interface FieldProps {
  id: string;
  label: string;
  /** Every rule the field breaks, each named on its own line. */
  errors?: readonly string[];
  help?: ReactNode;
  children: ReactNode;
}

/**
 * The id of a field's label text, for a native control to name itself with (aria-labelledby):
 * vscode-label keeps an id set from React to itself and shows the element another one.
 */
export function fieldLabelId(id: string): string {
  return `${id}-label`;
}

export function fieldErrorId(id: string): string {
  return `${id}-error`;
}

/** A labelled control with the messages of the rules it breaks, or a hint, below it. */
export function Field({ id, label, errors, help, children }: FieldProps) {
  return (
    <VscodeFormGroup>
      <VscodeLabel htmlFor={id}>
        <span id={fieldLabelId(id)}>{label}</span>
      </VscodeLabel>
      {children}
      {errors?.length ? (
        <VscodeFormHelper>
          <FieldErrors id={fieldErrorId(id)} errors={errors} />
        </VscodeFormHelper>
      ) : help ? (
        <VscodeFormHelper>{help}</VscodeFormHelper>
      ) : null}
    </VscodeFormGroup>
  );
}

/** The rules a control breaks, each on its own line, announced as they appear. */
export function FieldErrors({ id, errors }: { id?: string; errors: readonly string[] }) {
  return (
    <span className="field-error" role="alert" id={id}>
      {errors.map((message) => (
        <span className="field-rule" key={message}>{message}</span>
      ))}
    </span>
  );
}

/** The value of a vscode-elements control from its input/change event. */
export function targetValue(event: Event): string {
  return (event.target as HTMLInputElement).value;
}

export function targetChecked(event: Event): boolean {
  return (event.target as HTMLInputElement).checked;
}
