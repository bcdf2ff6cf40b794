/** `count` durations in seconds, spread over [min, max] by mulberry32 from `seed`: the same on every run. */
export function seededDurations(count: number, range: { min: number; max: number }, seed: number): number[] {
  let state = seed;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => Math.round(range.min + next() * (range.max - range.min)));
}
