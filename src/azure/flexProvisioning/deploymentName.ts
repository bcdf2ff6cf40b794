/**
 * `pgflex-{serverName}-{timestamp}` (UTC, yyyyMMddHHmmss). ARM allows 64 characters in a
 * deployment name and a server name may have 63, so a long server name is shortened; the
 * timestamp keeps names of retries of the same server apart.
 */
export const MAX_DEPLOYMENT_NAME_LENGTH = 64;

export function makeDeploymentName(serverName: string, at: number = Date.now()): string {
  const timestamp = new Date(at).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const room = MAX_DEPLOYMENT_NAME_LENGTH - 'pgflex-'.length - 1 - timestamp.length;
  return `pgflex-${serverName.slice(0, room).replace(/-+$/, '')}-${timestamp}`;
}
