/**
 * ARM's token-bucket counters, reported (not enforced) on every answer so clients see the same
 * `x-ms-ratelimit-remaining-*` headers as against Azure: reads 250 refilled 25/s, writes 200
 * refilled 10/s, per subscription, and a global subscription bucket 15 times larger.
 */
const BUCKETS = { reads: { size: 250, perSecond: 25 }, writes: { size: 200, perSecond: 10 } } as const;
const GLOBAL_FACTOR = 15;

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimitMeter {
  private readonly buckets = new Map<string, Bucket>();

  headers(subscriptionId: string, method: string, now: number): Record<string, string> {
    const kind = method === 'GET' || method === 'HEAD' ? 'reads' : 'writes';
    const local = this.spend(`${subscriptionId}/${kind}`, BUCKETS[kind].size, BUCKETS[kind].perSecond, now);
    const global = this.spend(`${subscriptionId}/global-${kind}`, BUCKETS[kind].size * GLOBAL_FACTOR, BUCKETS[kind].perSecond * GLOBAL_FACTOR, now);
    return {
      [`x-ms-ratelimit-remaining-subscription-${kind}`]: String(local),
      [`x-ms-ratelimit-remaining-subscription-global-${kind}`]: String(global),
    };
  }

  reset(): void {
    this.buckets.clear();
  }

  private spend(key: string, size: number, perSecond: number, now: number): number {
    const bucket = this.buckets.get(key) ?? { tokens: size, at: now };
    const refilled = Math.min(size, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    const tokens = Math.max(0, refilled - 1);
    this.buckets.set(key, { tokens, at: now });
    return Math.floor(tokens);
  }
}
