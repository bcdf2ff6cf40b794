/** Structural comparison of two JSON values: same keys, same value types, arrays element by element. */

export interface ShapeOptions {
  /** Paths (e.g. `$.properties.outputs`, `$.value[].tags`) the sandbox may add. */
  extra?: string[];
  /** Paths the example has and the sandbox may leave out. */
  missing?: string[];
  /** Paths of dictionaries with free keys (tags, parameters, outputs): only their values' shapes count. */
  maps?: string[];
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Every difference as a readable line; empty when the shapes agree. */
export function shapeDifferences(example: unknown, actual: unknown, options: ShapeOptions = {}, path = '$'): string[] {
  const expected = kindOf(example);
  const got = kindOf(actual);
  if (expected !== got) return [`${path}: example is ${expected}, sandbox gives ${got}`];
  if (Array.isArray(example) && Array.isArray(actual)) {
    // The example's first element is the template for every element the sandbox returns.
    if (example.length === 0) return [];
    return actual.flatMap((item) => shapeDifferences(example[0], item, options, `${path}[]`));
  }
  if (expected !== 'object') return [];
  const e = example as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  if (options.maps?.includes(path)) {
    const [sample] = Object.values(e);
    if (sample === undefined) return [];
    return Object.entries(a).flatMap(([key, value]) => shapeDifferences(sample, value, options, `${path}.${key}`));
  }
  const out: string[] = [];
  for (const key of Object.keys(e)) {
    const child = `${path}.${key}`;
    if (!(key in a)) {
      if (!options.missing?.includes(child)) out.push(`${child}: missing in the sandbox's answer`);
    } else {
      out.push(...shapeDifferences(e[key], a[key], options, child));
    }
  }
  for (const key of Object.keys(a)) {
    const child = `${path}.${key}`;
    if (!(key in e) && !options.extra?.includes(child)) out.push(`${child}: not in the example`);
  }
  return out;
}
