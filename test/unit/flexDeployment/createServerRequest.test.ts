import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { createRequest } from '../../support/trackerFakes';

const LENGTH = 'Server name must be 3 to 63 characters long.';
const CHARACTERS = 'Server name can contain only lowercase letters, numbers and hyphens.';
const HYPHEN = 'Server name cannot start or end with a hyphen.';

function errorsOf(overrides: Record<string, unknown>) {
  const result = validateCreateServerRequest({ ...createRequest(), ...overrides });
  return result.ok ? {} : result.errors;
}

/** Azure's server-name rules, written out independently of the schema. */
function brokenServerNameRules(name: string): string[] {
  return [
    ...(name.length < 3 || name.length > 63 ? [LENGTH] : []),
    ...([...name].some((c) => !/[a-z0-9-]/.test(c)) ? [CHARACTERS] : []),
    ...(name.startsWith('-') || name.endsWith('-') ? [HYPHEN] : []),
  ];
}

describe('the create request names every broken rule of a field', () => {
  it.each([
    ['-a', [LENGTH, HYPHEN]],
    ['a-', [LENGTH, HYPHEN]],
    ['-', [LENGTH, HYPHEN]],
    ['Bad_Name', [CHARACTERS]],
    ['', [LENGTH]],
  ])('server name %j → %j', (serverName, messages) => {
    expect(errorsOf({ serverName }).serverName).toEqual(messages);
  });

  it('lists exactly the server-name rules a name breaks, for any name', () => {
    const unit = fc.constantFrom('a', 'q', 'z', '0', '7', '-', 'A', '_', '.', ' ', 'é');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 70 }), (serverName) => {
        expect(errorsOf({ serverName }).serverName ?? []).toEqual(brokenServerNameRules(serverName));
      }),
    );
  });

  it('names both resource-group rules a name breaks', () => {
    expect(errorsOf({ resourceGroup: { name: 'rg dev.', isNew: true, location: 'eastus' } })['resourceGroup.name']).toEqual([
      'Resource group name can contain only letters, numbers, underscores, hyphens, periods and parentheses.',
      'Resource group name cannot end with a period.',
    ]);
  });
});
