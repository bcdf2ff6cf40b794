import { armError, ok, type ArmResponse } from '../http/armResponse';
import type { RouteContext, Router } from '../http/router';

/**
 * A stand-in for the two Microsoft Graph reads the create form makes to find a Microsoft Entra
 * administrator: `GET /v1.0/users` and `GET /v1.0/groups` with `$search` (which Graph accepts only
 * with `ConsistencyLevel: eventual`), `$filter=securityEnabled eq true` on groups, `$select` and
 * `$top`. Answers in Graph's shapes: `{ value: [...] }`, and `{ error: { code, message } }` (ARM's
 * shape too) with Graph's codes. The directory is made up; its first user is the sandbox's signed-in account.
 */
export const GRAPH_PATH = '/_sandbox/graph';
const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

interface DirectoryUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

interface DirectoryGroup {
  id: string;
  displayName: string;
  securityEnabled: boolean;
}

export const SANDBOX_DIRECTORY: { users: DirectoryUser[]; groups: DirectoryGroup[] } = {
  users: [
    { id: '3f9b2c1d-6e5a-4b7c-8d9e-0a1b2c3d4e5f', displayName: 'Sandbox Admin', userPrincipalName: 'sandbox.admin@contoso.onmicrosoft.com' },
    { id: '7c1e2a3b-4d5f-4a6b-9c8d-1e2f3a4b5c6d', displayName: 'Ada Lovelace', userPrincipalName: 'ada@contoso.onmicrosoft.com' },
    { id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', displayName: 'Grace Hopper', userPrincipalName: 'grace@contoso.onmicrosoft.com' },
  ],
  groups: [
    { id: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d', displayName: 'PostgreSQL Admins', securityEnabled: true },
    { id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', displayName: 'PostgreSQL Newsletter', securityEnabled: false },
  ],
};

export function registerGraphRoutes(router: Pick<Router, 'add'>): void {
  router.add('GET', `${GRAPH_PATH}/v1.0/users`, 'graph.users', (ctx) =>
    answer(ctx, (terms) => SANDBOX_DIRECTORY.users.filter((u) => terms.some(({ property, text }) => matches(property === 'userPrincipalName' ? u.userPrincipalName : u.displayName, text)))),
  );
  router.add('GET', `${GRAPH_PATH}/v1.0/groups`, 'graph.groups', (ctx) => {
    if (ctx.query.has('$filter') && ctx.query.get('$filter') !== 'securityEnabled eq true') {
      return armError(400, 'Request_UnsupportedQuery', `The sandbox's Graph supports only $filter=securityEnabled eq true, not '${ctx.query.get('$filter')}'.`);
    }
    const securityOnly = ctx.query.has('$filter');
    return answer(ctx, (terms) => SANDBOX_DIRECTORY.groups.filter((g) => (!securityOnly || g.securityEnabled) && terms.some(({ text }) => matches(g.displayName, text))));
  });
}

interface SearchTerm {
  property: string;
  text: string;
}

function answer<T extends object>(ctx: RouteContext, find: (terms: SearchTerm[]) => T[]): ArmResponse {
  const refused = checkCaller(ctx);
  if (refused) return refused;
  const search = ctx.query.get('$search');
  if (search === null) return ok({ value: find([]) });
  if (ctx.headers['consistencylevel'] !== 'eventual') {
    return armError(400, 'Request_UnsupportedQuery', "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
  }
  const terms = parseSearch(search);
  if (!terms) return armError(400, 'Request_UnsupportedQuery', `Syntax error in $search: ${search}`);
  const top = Number(ctx.query.get('$top') ?? 100);
  return ok({ value: find(terms).slice(0, top) });
}

/** `"displayName:ada" OR "userPrincipalName:ada"`: each term quoted, `property:text`. */
function parseSearch(search: string): SearchTerm[] | undefined {
  const terms: SearchTerm[] = [];
  for (const part of search.split(/\s+OR\s+/)) {
    const quoted = /^"([A-Za-z]+):([^"]*)"$/.exec(part.trim());
    if (!quoted) return undefined;
    terms.push({ property: quoted[1], text: quoted[2] });
  }
  return terms;
}

// Graph's $search on these properties matches words by their beginning, ignoring case.
function matches(value: string, text: string): boolean {
  const wanted = text.toLowerCase();
  return value.toLowerCase().split(/[\s.@]+/).some((word) => word.startsWith(wanted)) || value.toLowerCase().startsWith(wanted);
}

function checkCaller(ctx: RouteContext): ArmResponse | undefined {
  const token = /^Bearer (.+)$/.exec(ctx.headers.authorization ?? '')?.[1];
  if (!token) return armError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  const audience = audienceOf(token);
  if (audience !== GRAPH_AUDIENCE) return armError(401, 'InvalidAuthenticationToken', `Access token validation failure. Invalid audience '${audience ?? ''}'.`);
  return undefined;
}

function audienceOf(token: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud?: unknown };
    return typeof claims.aud === 'string' ? claims.aud : undefined;
  } catch {
    return undefined;
  }
}
