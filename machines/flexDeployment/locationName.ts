/**
 * One spelling per Azure location: ARM writes one in either case and with or without spaces
 * ("eastus", "EastUS", "East US") depending on the API.
 */
export function locationKey(name: string): string {
  // Stryker disable next-line MethodExpression: a key is only ever compared with keys this function made
  return name.replace(/\s/g, '').toLowerCase();
}

/** Whether two spellings name the same Azure location. */
export function sameLocation(a: string, b: string): boolean {
  return locationKey(a) === locationKey(b);
}
