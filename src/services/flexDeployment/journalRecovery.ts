/**
 * Getting the records back from a damaged journal: every record that can still be read from the
 * file (a truncated or partly overwritten file keeps the records before the damage), every record
 * of the globalState copy, and of two copies of one record the newer.
 */

/** What a recovery brought back, for the one notice the user gets. */
export interface JournalRecovery {
  /** The damaged file, moved aside and never written again. */
  keptAt: string;
  /** Records taken from the damaged file (the newer copy, or the only one). */
  fromJournal: number;
  /** Records taken from the globalState copy. */
  fromMirror: number;
  /** Parts of the damaged file that could not be read and have no copy: the staging id when it is legible. */
  unrecovered: { stagingId?: string }[];
}

export interface Salvage {
  /** The complete record objects the file still holds, in order. */
  items: unknown[];
  /** Pieces that are not a complete object (the cut-off end, garbage): their staging id when legible. */
  fragments: { stagingId?: string }[];
}

/** Reads what it can of a journal that does not parse: the complete objects of its `records` array. */
export function salvageRecords(text: string): Salvage {
  const start = /"records"\s*:\s*\[/.exec(text);
  // Valid JSON without records is some other file: it holds no record to lose.
  if (!start) return { items: [], fragments: text.trim() && !parses(text) ? [fragmentOf(text)] : [] };
  const items: unknown[] = [];
  const fragments: { stagingId?: string }[] = [];
  let i = start.index + start[0].length;
  for (;;) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end, text[i] is undefined, which the pattern does not match either
    while (i < text.length && /[\s,]/.test(text[i])) i++;
    if (i >= text.length || text[i] === ']') break;
    if (text[i] !== '{') {
      // Not an object where a record should start: nothing after this point can be trusted.
      fragments.push(fragmentOf(text.slice(i)));
      break;
    }
    const end = objectEnd(text, i);
    if (end === undefined) {
      fragments.push(fragmentOf(text.slice(i)));
      break;
    }
    const piece = text.slice(i, end + 1);
    try {
      items.push(JSON.parse(piece));
    } catch {
      fragments.push(fragmentOf(piece));
    }
    i = end + 1;
  }
  return { items, fragments };
}

/** Index of the `}` closing the object opened at `open`, skipping strings; undefined if the text ends first or a `]` closes it. */
function objectEnd(text: string, open: number): number | undefined {
  let depth = 0;
  let inString = false;
  // Stryker disable next-line EqualityOperator: one step past the end, text[i] is undefined and matches no case
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return c === '}' ? i : undefined;
    }
  }
  return undefined;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function fragmentOf(text: string): { stagingId?: string } {
  const id = /"stagingId"\s*:\s*"([^"\\]{1,200})"/.exec(text)?.[1];
  return id ? { stagingId: id } : {};
}

/** How recent a stored copy is: its latest timestamp (a record only gains events). */
export function recency(item: unknown): number {
  if (typeof item !== 'object' || item === null) return Number.NEGATIVE_INFINITY;
  const r = item as Record<string, unknown>;
  // Stryker disable next-line ArrayDeclaration: what is not a finite time is dropped below, so a stray entry here counts for nothing
  const audit = Array.isArray(r.audit) ? r.audit.map((e) => (e as { at?: unknown } | null)?.at) : [];
  const times = [r.createdAt, r.lastCheckedAt, r.terminalAt, r.retryRequestedAt, ...audit].filter((t): t is number => Number.isFinite(t));
  return times.length ? Math.max(...times) : Number.NEGATIVE_INFINITY;
}

function idOf(item: unknown): string | undefined {
  const id = (item as { stagingId?: unknown } | null)?.stagingId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * One list from the salvaged file and the globalState copy: each staging id once, the newer copy
 * winning (the file's on a tie: it is written first); items without an id are kept for validation
 * to quarantine.
 */
export function mergeNewest(salvage: Salvage, mirror: readonly unknown[], keptAt: string): { items: unknown[]; recovery: JournalRecovery } {
  const chosen = new Map<string, { item: unknown; from: 'journal' | 'mirror' }>();
  const anonymous: unknown[] = [];
  const offer = (item: unknown, from: 'journal' | 'mirror') => {
    const id = idOf(item);
    if (id === undefined) {
      anonymous.push(item);
      return;
    }
    const known = chosen.get(id);
    if (!known || recency(item) > recency(known.item)) chosen.set(id, { item, from });
  };
  for (const item of salvage.items) offer(item, 'journal');
  // The copy's items without an id are copies of the file's: offering them would quarantine them twice.
  for (const item of mirror) if (idOf(item) !== undefined) offer(item, 'mirror');
  const picks = [...chosen.values()];
  return {
    items: [...picks.map((p) => p.item), ...anonymous],
    recovery: {
      keptAt,
      fromJournal: picks.filter((p) => p.from === 'journal').length,
      fromMirror: picks.filter((p) => p.from === 'mirror').length,
      unrecovered: salvage.fragments.filter((f) => f.stagingId === undefined || !chosen.has(f.stagingId)),
    },
  };
}
