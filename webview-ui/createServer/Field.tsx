import type { ReactNode } from 'react';
import { VscodeFormGroup, VscodeFormHelper, VscodeLabel } from '@vscode-elements/react-elements';

export interface FieldProps {
  id: string;
  label: string;
  error?: string;
  help?: ReactNode;
  children: ReactNode;
}

/** A labelled control with its rule's message (when broken) or a hint below it. */
export function Field({ id, label, error, help, children }: FieldProps) {
  return (
    <VscodeFormGroup>
      <VscodeLabel htmlFor={id}>{label}</VscodeLabel>
      {children}
      {error ? (
        <VscodeFormHelper>
          <span className="field-error" role="alert" id={`${id}-error`}>
            {error}
          </span>
        </VscodeFormHelper>
      ) : help ? (
        <VscodeFormHelper>{help}</VscodeFormHelper>
      ) : null}
    </VscodeFormGroup>
  );
}

/** The value of a vscode-elements control from its input/change event. */
export function targetValue(event: Event): string {
  return (event.target as HTMLInputElement).value;
}

export function targetChecked(event: Event): boolean {
  return (event.target as HTMLInputElement).checked;
}
