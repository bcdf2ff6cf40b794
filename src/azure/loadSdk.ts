export type AzureSdk = typeof import('./sdk');

let loading: Promise<AzureSdk> | undefined;

/** The Azure SDK, loaded once, when first asked for (see sdk.ts). */
export function loadSdk(): Promise<AzureSdk> {
  loading ??= import('./sdk');
  return loading;
}
