import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../machines/webview/formatBytes';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

describe('formatBytes: database sizes in the tree and the dashboard', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [10 * 1024 - 1, '10.0 KB'],
    [10 * 1024, '10 KB'],
    [8_000_000, '7.6 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
    [1024 ** 4, '1.0 TB'],
    [2048 * 1024 ** 4, '2048 TB'],
  ])('%d bytes → %s', (bytes, shown) => {
    expect(formatBytes(bytes)).toBe(shown);
  });

  it('uses the largest binary unit the size reaches (TB at most), one decimal only below 10 of it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(...UNITS.map((_, p) => 1024 ** p)).chain((size) => fc.constantFrom(size - 1, size, 10 * size - 1, 10 * size))), (bytes) => {
        const [number, unit] = formatBytes(bytes).split(' ');
        const power = UNITS.indexOf(unit);
        expect(power).toBeGreaterThanOrEqual(0);
        const reached = UNITS.map((_, p) => 1024 ** p).filter((size) => bytes >= size).length - 1;
        expect(power).toBe(Math.max(0, reached));
        const value = bytes / 1024 ** power;
        expect(number).toBe(power > 0 && value < 10 ? value.toFixed(1) : String(Math.round(value)));
      }),
    );
  });
});
