import { textOr } from '../http/text';

/**
 * Premium SSD performance tiers of a flexible server's disk, as the provider assigns and offers
 * them (the official CapabilitiesByLocationList example): a size gets the smallest tier that holds
 * it, and may be set to any higher one up to P50, or up to P80 once it is past 4 TiB.
 */

/** Tier, the largest size it holds (GiB) and its baseline IOPS. */
const DISK_TIERS: [string, number, number][] = [
  ['P4', 32, 120],
  ['P6', 64, 240],
  ['P10', 128, 500],
  ['P15', 256, 1100],
  ['P20', 512, 2300],
  ['P30', 1024, 5000],
  ['P40', 2048, 7500],
  ['P50', 4096, 7500],
  ['P60', 8192, 16000],
  ['P70', 16384, 18000],
  ['P80', 32767, 20000],
];
const LARGEST_SMALL_DISK_TIER = DISK_TIERS.findIndex(([name]) => name === 'P50');

function defaultIndex(sizeGB: number): number {
  const index = DISK_TIERS.findIndex(([, size]) => sizeGB <= size);
  return index === -1 ? DISK_TIERS.length - 1 : index;
}

/** The tier a disk of this size gets when none is asked for. */
export function defaultTierFor(sizeGB: number): string {
  return DISK_TIERS[defaultIndex(sizeGB)][0];
}

/** The tiers a disk of this size may be given, with their IOPS, its default first. */
export function tiersOfferedFor(sizeGB: number): { name: string; iops: number }[] {
  const from = defaultIndex(sizeGB);
  const to = from <= LARGEST_SMALL_DISK_TIER ? LARGEST_SMALL_DISK_TIER : DISK_TIERS.length - 1;
  return DISK_TIERS.slice(from, to + 1).map(([name, , iops]) => ({ name, iops }));
}

/** A tier's baseline IOPS; undefined for a name that is no tier. */
export function iopsOfTier(tier: string): number | undefined {
  return DISK_TIERS.find(([name]) => name === tier)?.[2];
}

/** Why a disk of this size cannot have this tier; undefined when it can (or none is asked for). */
export function unsupportedStorageTier(sizeGB: number, tier: unknown): string | undefined {
  if (tier === undefined) return undefined;
  const offered = tiersOfferedFor(sizeGB).map((t) => t.name);
  if (typeof tier === 'string' && offered.includes(tier)) return undefined;
  return `The storage tier '${textOr(tier, JSON.stringify(tier))}' is not supported for a storage size of ${sizeGB} GiB. Supported tiers: ${offered.join(', ')}.`;
}
