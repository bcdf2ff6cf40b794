import type { ServerFacts } from '../../machines/webview/dashboardMessages';
import type { FirewallTarget } from '../../src/connections/firewallRules';
import type { ServerFactsReader } from '../../src/dashboard/serverFactsReader';
import type { ServerLocation } from '../../machines/connections/serverLocation';

/**
 * A server GET whose answer each test sets per server name (a state, or an error to throw), and
 * that counts its reads. `hold()` keeps every read open until `release()`, so callers can pile up.
 */
/** The server's facts a read answers (its state, maybe its public access), or what it throws. */
export type ScriptedAnswer = { state: string; publicNetworkAccess?: string } | { error: unknown };

export class ScriptedServerReader implements ServerFactsReader {
  readonly reads: string[] = [];
  private readonly answers = new Map<string, ScriptedAnswer>();
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;

  answer(serverName: string, answer: ScriptedAnswer): this {
    this.answers.set(serverName, answer);
    return this;
  }

  /**
   * Where `locate` finds each server now (by name): a group of the target's subscription, or a
   * place in another one; a server not listed is nowhere. `locateError` throws instead.
   */
  readonly groups = new Map<string, string | ServerLocation>();
  locateError: Error | undefined;
  readonly located: string[] = [];

  async locate(target: FirewallTarget): Promise<ServerLocation | undefined> {
    this.located.push(target.serverName);
    if (this.locateError) throw this.locateError;
    const place = this.groups.get(target.serverName);
    return typeof place === 'string' ? { subscriptionId: target.subscriptionId, resourceGroup: place } : place;
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
  }

  async read(target: FirewallTarget): Promise<ServerFacts> {
    this.reads.push(target.serverName);
    await this.gate;
    const answer = this.answers.get(target.serverName) ?? { state: 'Ready' };
    if ('error' in answer) throw answer.error;
    return { resourceId: `/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroup}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${target.serverName}`, ...answer };
  }
}
