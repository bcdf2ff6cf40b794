/**
 * Whether two spellings name the same Azure location: ARM writes one in either case and with or
 * without spaces ("eastus", "EastUS", "East US") depending on the API.
 */
export function sameLocation(a: string, b: string): boolean {
  return a.replace(/\s/g, '').toLowerCase() === b.replace(/\s/g, '').toLowerCase();
}
