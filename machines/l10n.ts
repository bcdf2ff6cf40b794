/**
 * User-facing text, translatable without touching code: `l10n.t("Server '{0}' is ready", name)`.
 * The English text is the key, as with `vscode.l10n.t`, so the same call works in the extension
 * host, in a webview and in a test. The host hands this module the bundle VS Code loaded for the
 * display language (`vscode.l10n.bundle`; src/l10nBundle.ts); a webview gets it from the host.
 * `{0}`, `{1}`… are the arguments; a missing one is left as written.
 */

export type L10nBundle = Readonly<Record<string, string>>;

let bundle: L10nBundle | undefined;

/** Translations from now on; undefined (the display language is English) leaves the text as written. */
export function useBundle(contents: L10nBundle | undefined): void {
  bundle = contents;
}

/** A bundle as parsed from untrusted JSON (a webview's page): only an object of strings is one. */
export function bundleFrom(json: unknown): L10nBundle | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  return Object.values(json).every((text) => typeof text === 'string') ? (json as L10nBundle) : undefined;
}

export function t(message: string, ...args: readonly (string | number)[]): string {
  // An own entry only: a bundle parsed from JSON still answers `constructor` from Object's prototype.
  const text = bundle && Object.hasOwn(bundle, message) ? bundle[message] : message;
  return text.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const arg = args[Number(index)];
    return arg === undefined ? placeholder : String(arg);
  });
}
