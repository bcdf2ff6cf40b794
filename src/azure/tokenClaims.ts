import type { EntraAdministrator } from '../../machines/flexDeployment/retryableRequest';

/**
 * The signed-in principal, read from the claims of an ARM access token (a JWT): no Microsoft Graph
 * call and no extra consent. The token is only decoded, never trusted for anything else.
 */
export function principalFromToken(accessToken: string): EntraAdministrator | undefined {
  const claims = decodeClaims(accessToken);
  const objectId = stringClaim(claims, 'oid');
  if (!objectId) return undefined;
  const isApp = stringClaim(claims, 'idtyp') === 'app';
  const principalName = stringClaim(claims, 'upn') ?? stringClaim(claims, 'unique_name') ?? stringClaim(claims, 'preferred_username') ?? stringClaim(claims, 'app_displayname') ?? objectId;
  return { objectId, principalName, principalType: isApp ? 'ServicePrincipal' : 'User' };
}

/** The `exp` claim in epoch milliseconds, if the token is a JWT that has one. */
export function tokenExpiry(accessToken: string): number | undefined {
  const exp = decodeClaims(accessToken)?.exp;
  return typeof exp === 'number' ? exp * 1000 : undefined;
}

function decodeClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringClaim(claims: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = claims?.[name];
  return typeof value === 'string' && value ? value : undefined;
}
