import type { IncomingHttpHeaders } from 'node:http';
import type { ArmResponse } from './armResponse';

export interface RouteContext {
  method: string;
  /** Path parameters by the names in the route pattern, URL-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** https://host:port as the caller addressed the sandbox; LRO headers and nextLinks use it. */
  baseUrl: string;
  clientIp: string;
  headers: IncomingHttpHeaders;
}

export type RouteHandler = (ctx: RouteContext) => ArmResponse | Promise<ArmResponse>;

export interface Route {
  /** The name requests are counted under, e.g. `deployments.get`. */
  name: string;
  method: string;
  handler: RouteHandler;
}

/** Where route families add their routes: the router itself, or a wrapper that guards them. */
export type RouteRegistry = Pick<Router, 'add'>;

interface CompiledRoute extends Route {
  pattern: RegExp;
  paramNames: string[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/**
 * ARM matches paths case-insensitively and SDK generations differ (`resourcegroups` vs
 * `resourceGroups`, a trailing slash on some lists), so patterns compile to case-insensitive
 * regular expressions and a trailing slash is ignored.
 */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(method: string, template: string, name: string, handler: RouteHandler): void {
    const paramNames: string[] = [];
    const source = template
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        paramNames.push(param[1]);
        return '([^/]+)';
      })
      .join('/');
    this.routes.push({ name, method: method.toUpperCase(), handler, paramNames, pattern: new RegExp(`^${source}/?$`, 'i') });
  }

  match(method: string, path: string): RouteMatch | undefined {
    const upper = method.toUpperCase();
    for (const route of this.routes) {
      if (route.method !== upper) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.paramNames.forEach((paramName, i) => {
        params[paramName] = decodeURIComponent(found[i + 1]);
      });
      return { route, params };
    }
    return undefined;
  }
}
