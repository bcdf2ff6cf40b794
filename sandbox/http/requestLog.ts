import type { RequestLog } from '../types';

/** Counts ARM requests per route name; the benchmark and tests read it. */
export class RouteCounter implements RequestLog {
  private readonly byRoute = new Map<string, number>();

  record(route: string): void {
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
  }

  count(route?: string): number {
    if (route !== undefined) return this.byRoute.get(route) ?? 0;
    let total = 0;
    for (const n of this.byRoute.values()) total += n;
    return total;
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.byRoute].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.byRoute.clear();
  }
}
