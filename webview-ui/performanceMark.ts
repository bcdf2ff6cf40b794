/** Marks the document's timeline the first time only: a later form.init (a Retry's refill) is not a start. */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
