import type { ReactNode } from 'react';

/**
 * Native stand-ins for @vscode-elements/react-elements in jsdom, which cannot run those
 * form-associated web components (no ElementInternals form values, no ResizeObserver, no
 * constructable stylesheets). Same props and events as the components the views use.
 */

type Handler = (event: Event) => void;
interface Common {
  id?: string;
  children?: ReactNode;
  disabled?: boolean;
}

export function VscodeTextfield(p: Common & { value?: string; type?: string; label?: string; placeholder?: string; invalid?: boolean; onInput?: Handler }) {
  return <input id={p.id} type={p.type ?? 'text'} value={p.value} aria-label={p.label} aria-invalid={p.invalid} disabled={p.disabled}
    onChange={(e) => p.onInput?.(e.nativeEvent)} />;
}

export function VscodeSingleSelect(p: Common & { value?: string; 'aria-busy'?: boolean; onChange?: Handler }) {
  return <select id={p.id} value={p.value} disabled={p.disabled} aria-busy={p['aria-busy']} onChange={(e) => p.onChange?.(e.nativeEvent)}>{p.children}</select>;
}

export function VscodeOption(p: { value?: string; children?: ReactNode }) {
  return <option value={p.value}>{p.children}</option>;
}

export function VscodeCheckbox(p: Common & { checked?: boolean; label?: string; onChange?: Handler }) {
  return <label><input id={p.id} type="checkbox" checked={p.checked} disabled={p.disabled} onChange={(e) => p.onChange?.(e.nativeEvent)} />{p.label}</label>;
}

export function VscodeRadioGroup(p: Common) {
  return <div role="radiogroup" id={p.id}>{p.children}</div>;
}

export function VscodeRadio(p: { name?: string; value?: string; label?: string; checked?: boolean; onChange?: Handler }) {
  return <label><input type="radio" name={p.name} value={p.value} checked={p.checked} onChange={(e) => p.onChange?.(e.nativeEvent)} />{p.label}</label>;
}

export function VscodeButton(p: Common & { secondary?: boolean; 'aria-label'?: string; onClick?: () => void }) {
  return <button disabled={p.disabled} aria-label={p['aria-label']} onClick={p.onClick}>{p.children}</button>;
}

export function VscodeLabel(p: { htmlFor?: string; children?: ReactNode }) {
  return <label htmlFor={p.htmlFor}>{p.children}</label>;
}

export function VscodeFormGroup(p: Common) {
  return <div>{p.children}</div>;
}

export function VscodeFormHelper(p: Common) {
  return <div>{p.children}</div>;
}

export function VscodeProgressRing(p: { 'aria-label'?: string }) {
  return <span role="progressbar" aria-label={p['aria-label']} />;
}
