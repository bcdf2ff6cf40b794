import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewSummary } from '../../../webview-ui/createServer/reviewSummary';
import { createRequest } from '../../support/trackerFakes';

const catalog = { subscriptions: [], resourceGroups: [], locations: [{ name: 'canadacentral', displayName: 'Canada Central' }] };

function regionShown(location: string): string | undefined {
  return reviewSummary(createRequest({ location }), catalog)
    .flatMap((section) => section.lines)
    .find((line) => line.label === 'Region')?.value;
}

describe('the review', () => {
  it('names the region by its display name however ARM spelled the location (case, spaces)', () => {
    const spellings = fc.tuple(fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }), fc.array(fc.constantFrom('', ' '), { minLength: 13, maxLength: 13 }));
    fc.assert(
      fc.property(spellings, ([upper, spaces]) => {
        const location = [...'canadacentral'].map((c, i) => (upper[i] ? c.toUpperCase() : c) + spaces[i]).join('').trim();
        expect(regionShown(location)).toBe('Canada Central');
      }),
    );
  });

  it('shows a location it has no display name for as it is', () => {
    expect(regionShown('westeurope')).toBe('westeurope');
  });
});
