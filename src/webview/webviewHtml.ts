import { randomBytes } from 'node:crypto';
import { L10N_ELEMENT_ID, type L10nBundle } from '../../machines/l10n';

export interface WebviewHtmlInput {
  /** `webview.cspSource`: the only origin scripts, styles and fonts may come from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  /** Which view webview-ui/main.tsx renders (`document.body.dataset.view`). */
  view: string;
  title: string;
  /**
   * The display language and the text's translations for it (`vscode.env.language`,
   * `vscode.l10n.bundle`); none where the text shows in English.
   */
  l10n?: { language: string; bundle: L10nBundle };
}

/**
 * The page every pgflex webview loads. The CSP allows only our own bundle, and only the script
 * carrying this load's nonce: nothing remote, nothing inline that a crafted value could inject.
 */
export function renderWebviewHtml(input: WebviewHtmlInput): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${input.nonce}'`,
    `style-src ${input.cspSource} 'nonce-${input.nonce}'`,
    `font-src ${input.cspSource}`,
    `img-src ${input.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(input.l10n?.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${input.nonce}" href="${escapeAttribute(input.styleUri)}">
<title>${escapeText(input.title)}</title>
</head>
<body data-view="${escapeAttribute(input.view)}">
${input.l10n ? `<script type="application/json" id="${L10N_ELEMENT_ID}">${jsonInHtml(input.l10n.bundle)}</script>\n` : ''}<div id="root"></div>
<script type="module" nonce="${input.nonce}" src="${escapeAttribute(input.scriptUri)}"></script>
</body>
</html>`;
}

export function createNonce(): string {
  return randomBytes(18).toString('base64url');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

// `<` escaped, so no text of the bundle can close the element and start markup of its own.
function jsonInHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
