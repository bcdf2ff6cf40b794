import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serverNameSchema } from '../../../machines/flexDeployment/createServerRequest';
import { MAX_NAME_CANDIDATES, serverNameCandidates } from '../../../machines/flexDeployment/serverNameSuggestions';

const INNER = 'abcdefghijklmnopqrstuvwxyz0123456789-'.split('');
const EDGE = INNER.filter((c) => c !== '-');

/** Any name Azure accepts: 3–63 characters, lowercase letters, digits and hyphens, no hyphen at either end. */
const validName = fc
  .tuple(fc.constantFrom(...EDGE), fc.array(fc.constantFrom(...INNER), { minLength: 1, maxLength: 61 }), fc.constantFrom(...EDGE))
  .map(([first, middle, last]) => `${first}${middle.join('')}${last}`)
  .filter((name) => name.length <= 63);

/** A random source as Math.random, replaying the generated values. */
const randomSource = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 30 }).map((values) => {
  let i = 0;
  return () => values[i++ % values.length];
});

const location = fc.oneof(fc.constant(undefined), fc.constantFrom('westeurope', 'eastus2', 'northcentralus', ''), fc.string({ maxLength: 80 }));

describe('serverNameCandidates: names to check in place of a taken one', () => {
  it('are valid server names, distinct, not the taken one, and few', () => {
    fc.assert(
      fc.property(validName, location, randomSource, (taken, loc, random) => {
        const candidates = serverNameCandidates(taken, { location: loc, random });
        for (const name of candidates) expect(serverNameSchema.safeParse(name).success, name).toBe(true);
        expect(new Set(candidates).size).toBe(candidates.length);
        expect(candidates).not.toContain(taken);
        expect(candidates.length).toBeGreaterThan(0);
        expect(candidates.length).toBeLessThanOrEqual(MAX_NAME_CANDIDATES);
      }),
      { numRuns: 500 },
    );
  });

  it('even when the random source repeats itself or leaves its range', () => {
    fc.assert(
      fc.property(validName, fc.constantFrom(0, 0.999999, 1, -3, Number.NaN, Infinity), (taken, value) => {
        const candidates = serverNameCandidates(taken, { location: 'westeurope', random: () => value });
        for (const name of candidates) expect(serverNameSchema.safeParse(name).success, name).toBe(true);
        expect(new Set(candidates).size).toBe(candidates.length);
        expect(candidates).not.toContain(taken);
      }),
    );
  });

  it('keep the user name readable: the next number, the region, then random endings', () => {
    const random = () => 0.5;
    expect(serverNameCandidates('pg-dev', { location: 'westeurope', random })).toEqual(['pg-dev-2', 'pg-dev-westeurope', 'pg-dev-ssss']);
    expect(serverNameCandidates('pg-dev-3', { random })).toEqual(['pg-dev-4', 'pg-dev-3-ssss']);
  });

  it('shorten the user name, never the ending, to stay within 63 characters', () => {
    const long = `${'a'.repeat(60)}-bc`;
    const [numbered, regional] = serverNameCandidates(long, { location: 'eastus2', random: Math.random });
    expect(numbered).toBe(`${'a'.repeat(60)}-2`);
    expect(regional.endsWith('-eastus2')).toBe(true);
    expect(regional.length).toBeLessThanOrEqual(63);
  });

  // The same random character each time, so each list is known in full.
  const always = (value: number) => () => value;

  it('number on from a numbered name of any length, and read a name that only contains a number as unnumbered', () => {
    expect(serverNameCandidates('pg-12', { random: always(0) })).toEqual(['pg-13', 'pg-12-aaaa']);
    expect(serverNameCandidates('db-2x', { random: always(0) })).toEqual(['db-2x-2', 'db-2x-aaaa']);
  });

  it('name the region in lowercase letters and digits, however ARM spells it, and no region when there is none', () => {
    expect(serverNameCandidates('pg', { location: 'West Europe', random: always(0) })).toEqual(['pg-2', 'pg-westeurope', 'pg-aaaa']);
    expect(serverNameCandidates('pg', { location: undefined, random: always(0) })).toEqual(['pg-2', 'pg-aaaa']);
  });

  it('shorten a region name longer than any of Azure’s to its first 20 characters, still offering it', () => {
    expect(serverNameCandidates('pg', { location: 'x'.repeat(80), random: always(0) })).toEqual(['pg-2', `pg-${'x'.repeat(20)}`, 'pg-aaaa']);
  });

  it('end with the last character of the alphabet for a random source at its top, never past it', () => {
    expect(serverNameCandidates('pg', { random: always(1) })).toEqual(['pg-2', 'pg-9999']);
  });

  it('drop every hyphen left at the end of a shortened name before the ending', () => {
    const taken = `${'a'.repeat(50)}--${'b'.repeat(11)}`;
    expect(serverNameCandidates(taken, { location: 'westeurope', random: always(0) })).toContain(`${'a'.repeat(50)}-westeurope`);
  });

  it('leave out an ending that would give back the taken name itself', () => {
    const taken = `${'a'.repeat(58)}-aaaa`;
    // Shortened to fit the ending, the taken name ends in the very ending the random source picks.
    expect(serverNameCandidates(taken, { random: always(0) })).toEqual([`${'a'.repeat(58)}-aa-2`]);
  });
});
