import type { RouteContext } from './router';

/** Items per page; ARM pages long lists and the SDKs follow `nextLink`. */
export const PAGE_SIZE = 100;

/**
 * One page of `items` by `$skiptoken` (an offset here; opaque to clients), honouring `$top`, with
 * a nextLink on the sandbox's own base that keeps the other query parameters.
 */
export function pageOf<T>(items: T[], ctx: RouteContext, path: string): { value: T[]; nextLink?: string } {
  const top = Number(ctx.query.get('$top') ?? NaN);
  const limited = Number.isInteger(top) && top > 0 ? items.slice(0, top) : items;
  const offset = Math.max(0, Number(ctx.query.get('$skiptoken') ?? 0) || 0);
  const value = limited.slice(offset, offset + PAGE_SIZE);
  if (offset + PAGE_SIZE >= limited.length) return { value };
  const next = new URLSearchParams(ctx.query);
  next.set('$skiptoken', String(offset + PAGE_SIZE));
  return { value, nextLink: `${ctx.baseUrl}${path}?${next.toString()}` };
}
