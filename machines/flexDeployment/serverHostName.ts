/** The DNS suffix of a flexible server in Azure's public cloud: `<name>.postgres.database.azure.com`. */
export const FLEX_SERVER_DNS_SUFFIX = '.postgres.database.azure.com';

/** The host name a new server answers on, which its connection profile connects to. */
export function flexServerHostName(serverName: string): string {
  return `${serverName}${FLEX_SERVER_DNS_SUFFIX}`;
}
