import { SUGGESTED_NAMES, serverNameCandidates, type NameCandidateSources } from '../../machines/flexDeployment/serverNameSuggestions';

export interface FreeNameChecks extends NameCandidateSources {
  /** Azure's availability check, the same the form's name gets. */
  isAvailable(serverName: string): Promise<boolean>;
  /** False once the user has typed on: the rest of the candidates are not asked about. */
  stillWanted(): boolean;
}

/**
 * Up to SUGGESTED_NAMES names in place of a taken one, each found free by Azure just before, one
 * call at a time and never more calls than there are candidates. undefined when the user typed
 * on meanwhile. A failed check (throttled, unreachable) is thrown: no suggestion is better than
 * one nobody checked.
 */
export async function freeServerNames(taken: string, checks: FreeNameChecks): Promise<string[] | undefined> {
  const free: string[] = [];
  for (const candidate of serverNameCandidates(taken, checks)) {
    if (free.length === SUGGESTED_NAMES) break;
    if (!checks.stillWanted()) return undefined;
    if (await checks.isAvailable(candidate)) free.push(candidate);
  }
  return checks.stillWanted() ? free : undefined;
}
