import { bundleFrom, L10N_ELEMENT_ID, useBundle } from '../machines/l10n';

// Imported first by main.tsx: text defined as modules load (schemas' messages) is translated too.
// The host puts the display language's bundle in the page (src/webview/webviewHtml.ts); none in English.
const element = document.getElementById(L10N_ELEMENT_ID);
if (element?.textContent) {
  try {
    // The host writes the display language into the page's lang with the bundle (src/webview/webviewHtml.ts).
    useBundle(bundleFrom(JSON.parse(element.textContent)), document.documentElement.lang);
  } catch {
    // A page whose bundle does not parse shows its text untranslated, as in English.
  }
}
