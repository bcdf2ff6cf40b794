/** A template or request value as text: the sandbox reads untyped JSON, where an object is no text. */
export function textOr(value: unknown, fallback: string): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}
