import { AZURE_CLOUDS, createAzurePortal } from '../../src/azure/azurePortal';

/** The real portal links on the public cloud, with the URLs opened recorded instead of opened. */
export function recordingPortal() {
  const opened: string[] = [];
  const portal = createAzurePortal(AZURE_CLOUDS[0].portal, async (url) => opened.push(url) > 0, () => undefined);
  return { portal, opened };
}
