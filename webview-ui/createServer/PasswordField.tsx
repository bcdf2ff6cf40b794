import { fieldErrorId, fieldLabelId } from './Field';

export interface PasswordFieldProps {
  id: string;
  invalid: boolean;
  onInput: (value: string) => void;
}

/**
 * A native password input, not vscode-textfield: that one is a form-associated custom element, and
 * Chromium saves such an element's form value with the page state, which lands in plain text in
 * the browser's session-restore files. Chromium never saves a native password input's value.
 * Uncontrolled, because React copies a controlled input's value into its `value` attribute.
 */
export function PasswordField({ id, invalid, onInput }: PasswordFieldProps) {
  return (
    <input id={id} className="password-field" type="password" autoComplete="new-password" spellCheck={false}
      aria-labelledby={fieldLabelId(id)} aria-invalid={invalid} aria-describedby={invalid ? fieldErrorId(id) : undefined}
      onChange={(e) => onInput(e.currentTarget.value)} />
  );
}
