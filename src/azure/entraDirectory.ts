import * as l10n from '../../machines/l10n';
import * as z from 'zod';
import type { EntraAdministrator } from '../../machines/flexDeployment/retryableRequest';
import type { ArmEnvironment } from './armEnvironment';
import { AZURE_CLOUDS } from './azurePortal';
import { httpGet } from './httpGet';

/**
 * Finds Microsoft Entra users and security groups by name, for the server's Entra administrator:
 * Microsoft Graph's `$search` on users (display name, user principal name) and on security
 * groups (display name). In sandbox mode the sandbox's Graph stand-in answers.
 */
export interface EntraDirectory {
  /** At most `MAX_RESULTS` users, then groups; a refusal throws Graph's reason. */
  search(tenantId: string, text: string): Promise<EntraAdministrator[]>;
}

export const MAX_RESULTS = 10;
const TIMEOUT_MS = 10_000;

const graphListSchema = z.object({
  value: z.array(z.object({ id: z.string(), displayName: z.string().nullish(), userPrincipalName: z.string().nullish() })),
});

/** Graph's origin for the cloud in use. */
export function graphFor(environment: ArmEnvironment): string {
  if (environment.kind === 'sandbox') return `${environment.endpoint}/_sandbox/graph`;
  const origin = new URL(environment.endpoint).origin;
  return AZURE_CLOUDS.find((cloud) => cloud.resourceManager === origin)?.graph ?? AZURE_CLOUDS[0].graph;
}

/** The token scope for `graph`: the sandbox's stand-in checks it as Graph would, by the audience. */
export function graphScope(environment: ArmEnvironment): string {
  return `${environment.kind === 'sandbox' ? AZURE_CLOUDS[0].graph : graphFor(environment)}/.default`;
}

export function createEntraDirectory(environment: ArmEnvironment, token: (tenantId: string, scope: string) => Promise<string>): EntraDirectory {
  const graph = graphFor(environment);
  const ca = environment.kind === 'sandbox' ? environment.ca : undefined;
  return {
    async search(tenantId, text) {
      // `"` and `\` would end Graph's quoted search term early: they are dropped, not escaped.
      const term = text.replace(/["\\]/g, '').trim();
      if (!term) return [];
      const bearer = await token(tenantId, graphScope(environment));
      const query = (search: string, extra = '') => `$search=${encodeURIComponent(search)}${extra}&$top=${MAX_RESULTS}`;
      const [users, groups] = await Promise.all([
        getList(`${graph}/v1.0/users?${query(`"displayName:${term}" OR "userPrincipalName:${term}"`, '&$select=id,displayName,userPrincipalName')}`, bearer, ca),
        getList(`${graph}/v1.0/groups?${query(`"displayName:${term}"`, `&$filter=${encodeURIComponent('securityEnabled eq true')}&$select=id,displayName`)}`, bearer, ca),
      ]);
      const found: EntraAdministrator[] = [
        ...users.flatMap((u) => (u.userPrincipalName ? [{ objectId: u.id, principalName: u.userPrincipalName, principalType: 'User' as const }] : [])),
        ...groups.flatMap((g) => (g.displayName ? [{ objectId: g.id, principalName: g.displayName, principalType: 'Group' as const }] : [])),
      ];
      return found.slice(0, MAX_RESULTS);
    },
  };
}

async function getList(url: string, bearer: string, ca: string | undefined): Promise<z.infer<typeof graphListSchema>['value']> {
  // Graph serves $search on directory objects only to a request that accepts eventual consistency.
  const headers = { accept: 'application/json', authorization: `Bearer ${bearer}`, consistencylevel: 'eventual' };
  const response = await httpGet(url, { ca, headers, timeoutMs: TIMEOUT_MS });
  const body = parseJson(response.text);
  if (response.status !== 200) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const reason = typeof error?.message === 'string' ? `${error.message} (${String(error.code)})` : `HTTP ${response.status}`;
    throw new Error(l10n.t('Microsoft Graph refused the directory search: {0}', reason));
  }
  return graphListSchema.parse(body).value;
}

function parseJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
