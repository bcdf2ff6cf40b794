/**
 * The @vscode-elements components the webviews use, each from its own module: the package's index
 * imports (and so registers) all of its web components, and marks none free of side effects, so no
 * bundler could leave the unused ones out (half of what the package put in the bundle).
 */
export { default as VscodeButton } from '@vscode-elements/react-elements/dist/components/VscodeButton.js';
export { default as VscodeCheckbox } from '@vscode-elements/react-elements/dist/components/VscodeCheckbox.js';
export { default as VscodeFormGroup } from '@vscode-elements/react-elements/dist/components/VscodeFormGroup.js';
export { default as VscodeFormHelper } from '@vscode-elements/react-elements/dist/components/VscodeFormHelper.js';
export { default as VscodeLabel } from '@vscode-elements/react-elements/dist/components/VscodeLabel.js';
export { default as VscodeOption } from '@vscode-elements/react-elements/dist/components/VscodeOption.js';
export { default as VscodeProgressRing } from '@vscode-elements/react-elements/dist/components/VscodeProgressRing.js';
export { default as VscodeRadio } from '@vscode-elements/react-elements/dist/components/VscodeRadio.js';
export { default as VscodeRadioGroup } from '@vscode-elements/react-elements/dist/components/VscodeRadioGroup.js';
export { default as VscodeSingleSelect } from '@vscode-elements/react-elements/dist/components/VscodeSingleSelect.js';
export { default as VscodeTextfield } from '@vscode-elements/react-elements/dist/components/VscodeTextfield.js';
