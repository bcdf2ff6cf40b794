import { serverNameSchema } from './createServerRequest';

/** How many free names the form offers for a taken one. */
export const SUGGESTED_NAMES = 3;

/**
 * How many names are checked for one taken name at most: each is an availability call to Azure,
 * so a run of taken candidates ends here rather than in a stream of calls.
 */
export const MAX_NAME_CANDIDATES = 5;

const MAX_LENGTH = 63;
const RANDOM_CHARS = 4;
// Long enough to tell regions apart, short enough to leave most of the user's name.
const MAX_REGION_LENGTH = 20;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export interface NameCandidateSources {
  /** The form's region (ARM's location name), for `<name>-<region>`. */
  location?: string;
  /** Uniform in [0, 1), as Math.random. */
  random: () => number;
}

/**
 * Names to check in place of a taken one, most readable first: the next number (`pg-2`, or `pg-4`
 * after `pg-3`), the region (`pg-westeurope`), then random endings. Each keeps Azure's server-name
 * rules (3–63 characters, lowercase letters, digits and hyphens, no hyphen at either end): the
 * user's name is shortened, never the ending. None is the taken name; none repeats.
 */
export function serverNameCandidates(taken: string, sources: NameCandidateSources): string[] {
  // Stryker disable next-line Regex: `.+` matches from the first character, so the match is the same without `^`.
  const numbered = /^(.+)-(\d{1,6})$/.exec(taken);
  const stem = numbered ? numbered[1] : taken;
  const next = numbered ? Number(numbered[2]) + 1 : 2;
  const region = (sources.location ?? '').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, MAX_REGION_LENGTH);
  const candidates = [
    withEnding(stem, String(next)),
    // Stryker disable next-line ArrayDeclaration: a placeholder in place of no region is no valid server name, and is filtered out below.
    ...(region ? [withEnding(taken, region)] : []),
    ...Array.from({ length: MAX_NAME_CANDIDATES }, () => withEnding(taken, randomChars(sources.random))),
  ];
  const distinct = [...new Set(candidates)].filter((name) => name !== taken && serverNameSchema.safeParse(name).success);
  return distinct.slice(0, MAX_NAME_CANDIDATES);
}

function withEnding(base: string, ending: string): string {
  const head = base.slice(0, MAX_LENGTH - ending.length - 1).replace(/-+$/, '');
  return `${head}-${ending}`;
}

function randomChars(random: () => number): string {
  let chars = '';
  for (let i = 0; i < RANDOM_CHARS; i++) {
    const index = Math.floor(random() * ALPHABET.length);
    chars += ALPHABET[Number.isFinite(index) ? Math.min(Math.max(index, 0), ALPHABET.length - 1) : 0];
  }
  return chars;
}
