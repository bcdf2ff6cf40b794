import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRetryableRequest, validateCreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { LOGIN_IN_PASSWORD_MESSAGE } from '../../../machines/flexDeployment/loginInPassword';
import { createRequest } from '../../support/trackerFakes';

/**
 * Azure's rules for each field of the create request, written out here independently of the
 * schema (character by character, not by its regular expressions), and held against it.
 */

function errorsOf(overrides: Record<string, unknown>) {
  const result = validateCreateServerRequest({ ...createRequest(), ...overrides });
  return result.ok ? {} : result.errors;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** Azure's reserved administrator names, as its documentation lists them. */
const RESERVED_LOGINS = ['azure_superuser', 'azure_pg_admin', 'admin', 'administrator', 'root', 'guest', 'public'];

const LOGIN = {
  required: 'Admin login is required when password authentication is enabled.',
  tooLong: 'Admin login must be at most 63 characters long.',
  characters: 'Admin login must start with a letter or underscore and contain only letters, numbers and underscores.',
  reserved: 'Admin login cannot be a reserved name (azure_superuser, azure_pg_admin, admin, administrator, root, guest, public).',
  pgPrefix: "Admin login cannot start with 'pg_'.",
};

function brokenLoginRules(login: string): string[] {
  const chars = [...login];
  const wellFormed = chars.every((c, i) => LETTERS.includes(c) || c === '_' || (i > 0 && DIGITS.includes(c)));
  return [
    ...(chars.length === 0 ? [LOGIN.required] : []),
    ...(login.length > 63 ? [LOGIN.tooLong] : []),
    ...(wellFormed ? [] : [LOGIN.characters]),
    ...(RESERVED_LOGINS.includes(login.toLowerCase()) ? [LOGIN.reserved] : []),
    ...(login.slice(0, 3).toLowerCase() === 'pg_' ? [LOGIN.pgPrefix] : []),
  ];
}

const PASSWORD = {
  length: 'Password must be 8 to 128 characters long.',
  classes: 'Password must contain characters from three of these four classes: uppercase letters, lowercase letters, numbers and non-alphanumeric characters.',
};

function brokenPasswordRules(password: string): string[] {
  const classes = [
    [...password].some((c) => LETTERS.slice(26).includes(c)),
    [...password].some((c) => LETTERS.slice(0, 26).includes(c)),
    [...password].some((c) => DIGITS.includes(c)),
    [...password].some((c) => !LETTERS.includes(c) && !DIGITS.includes(c)),
  ].filter(Boolean).length;
  return [...(password.length < 8 || password.length > 128 ? [PASSWORD.length] : []), ...(classes < 3 ? [PASSWORD.classes] : [])];
}

/** Strings mostly made of the characters the rules are about, in lengths around the bounds. */
function stringsAround(unit: fc.Arbitrary<string>, lengths: number[]) {
  return fc.oneof(
    fc.string({ unit, maxLength: Math.max(...lengths) + 2 }),
    fc.constantFrom(...lengths).chain((n) => fc.string({ unit, minLength: n, maxLength: n })),
  );
}

describe('the admin login: every rule it breaks is named, and no other', () => {
  const unit = fc.constantFrom('a', 'Z', 'p', 'g', '_', '0', '9', '-', ' ', '.', 'é');

  it('for any login', () => {
    const anyCase = (s: string) => fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((up) => [...s].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''));
    const logins = fc.oneof(
      stringsAround(unit, [0, 1, 63, 64]),
      fc.constantFrom(...RESERVED_LOGINS).chain(anyCase),
      fc.tuple(anyCase('pg_'), fc.string({ unit, maxLength: 70 })).map(([p, rest]) => p + rest),
    );
    fc.assert(
      fc.property(logins, (adminLogin) => {
        expect(errorsOf({ adminLogin, adminPassword: 'Xy7!Xy7!', confirmPassword: 'Xy7!Xy7!' }).adminLogin ?? []).toEqual(brokenLoginRules(adminLogin));
      }),
      { numRuns: 300 },
    );
  });

  it.each(RESERVED_LOGINS)('refuses the reserved name %s, in any case', (reserved) => {
    expect(errorsOf({ adminLogin: reserved }).adminLogin).toEqual([LOGIN.reserved]);
    expect(errorsOf({ adminLogin: reserved.toUpperCase() }).adminLogin).toEqual([LOGIN.reserved]);
  });

  it('takes a login of exactly 63 characters, and names a missing login as required', () => {
    expect(errorsOf({ adminLogin: `a${'b'.repeat(62)}` }).adminLogin).toBeUndefined();
    expect(errorsOf({ adminLogin: undefined }).adminLogin).toEqual([LOGIN.required]);
  });
});

describe('the admin password: every rule it breaks is named, and no other', () => {
  it('for any password', () => {
    const unit = fc.constantFrom('A', 'Q', 'b', 'z', '3', '8', '!', ' ', 'é', '_');
    fc.assert(
      fc.property(stringsAround(unit, [7, 8, 128, 129]), (adminPassword) => {
        const errors = errorsOf({ adminLogin: 'ada', adminPassword, confirmPassword: adminPassword }).adminPassword ?? [];
        expect(errors.filter((m) => m !== LOGIN_IN_PASSWORD_MESSAGE)).toEqual(brokenPasswordRules(adminPassword));
      }),
      { numRuns: 300 },
    );
  });

  it('a missing password breaks both rules; a different confirmation is named on the confirmation', () => {
    expect(errorsOf({ adminPassword: undefined, confirmPassword: undefined }).adminPassword).toEqual([PASSWORD.length, PASSWORD.classes]);
    expect(errorsOf({ confirmPassword: 'Sup3r$ecret?' })).toEqual({ confirmPassword: ['Passwords do not match.'] });
    expect(errorsOf({ confirmPassword: undefined })).toEqual({ confirmPassword: ['Passwords do not match.'] });
  });
});

describe('authentication decides which credentials are required', () => {
  const entraAdmin = { objectId: 'oid', principalName: 'ada@contoso.com', principalType: 'User' };
  const noPassword = { adminLogin: undefined, adminPassword: undefined, confirmPassword: undefined };

  it('Microsoft Entra only: no login or password asked for, an administrator is', () => {
    expect(errorsOf({ authenticationMode: 'EntraOnly', entraAdmin, ...noPassword })).toEqual({});
    expect(errorsOf({ authenticationMode: 'EntraOnly', ...noPassword })).toEqual({ entraAdmin: ['Microsoft Entra authentication needs an administrator.'] });
  });

  it('PostgreSQL only: login and password asked for, no administrator', () => {
    expect(errorsOf({ authenticationMode: 'PostgreSQLOnly' })).toEqual({});
    expect(Object.keys(errorsOf({ authenticationMode: 'PostgreSQLOnly', ...noPassword }))).toEqual(['adminLogin', 'adminPassword']);
  });

  it('both: login, password and administrator', () => {
    expect(errorsOf({ authenticationMode: 'Hybrid', entraAdmin })).toEqual({});
    expect(Object.keys(errorsOf({ authenticationMode: 'Hybrid', ...noPassword })).sort()).toEqual(['adminLogin', 'adminPassword', 'entraAdmin']);
  });

  it('names what an administrator lacks', () => {
    expect(errorsOf({ authenticationMode: 'EntraOnly', entraAdmin: { objectId: '', principalName: '', principalType: 'Robot' } })).toEqual({
      'entraAdmin.objectId': ['The Microsoft Entra administrator needs an object id.'],
      'entraAdmin.principalName': ['The Microsoft Entra administrator needs a name.'],
      'entraAdmin.principalType': [expect.any(String)],
    });
  });

  it('refuses a mode it does not know', () => {
    expect(errorsOf({ authenticationMode: 'Kerberos' }).authenticationMode).toEqual(['Choose an authentication method.']);
  });
});

describe('the other fields', () => {
  it.each([
    ['tenantId', 'Choose a tenant.'],
    ['subscriptionId', 'Choose a subscription.'],
    ['location', 'Choose a location.'],
    ['version', 'Choose a PostgreSQL version.'],
    ['skuName', 'Choose a compute size.'],
  ])('an empty %s: "%s"', (field, message) => {
    expect(errorsOf({ [field]: '' })).toEqual({ [field]: [message] });
  });

  it('a compute tier Azure offers', () => {
    for (const tier of ['Burstable', 'GeneralPurpose', 'MemoryOptimized']) expect(errorsOf({ tier })).toEqual({});
    expect(errorsOf({ tier: 'Premium' })).toEqual({ tier: ['Choose a compute tier.'] });
  });

  it('storage: a positive whole number of GiB', () => {
    expect(errorsOf({ storageSizeGB: 1 })).toEqual({});
    expect(errorsOf({ storageSizeGB: 0 })).toEqual({ storageSizeGB: ['Choose a storage size.'] });
    expect(errorsOf({ storageSizeGB: 32.5 })).toEqual({ storageSizeGB: ['Storage size must be a whole number of GiB.'] });
  });

  it('a client IP, when given, is an IPv4 address', () => {
    expect(errorsOf({ firewall: { allowAzureServices: false, clientIp: '203.0.113.7' } })).toEqual({});
    expect(errorsOf({ firewall: { allowAzureServices: false, clientIp: '2001:db8::1' } })).toEqual({ 'firewall.clientIp': ['Client IP must be an IPv4 address.'] });
  });

  it('resource group names: 1 to 90 letters, numbers, _ - . ( ), not ending with a period', () => {
    const group = (name: string, isNew = false) => errorsOf({ resourceGroup: { name, isNew, location: 'eastus' } })['resourceGroup.name'];
    expect(group('')).toEqual(['Resource group name must be 1 to 90 characters long.']);
    expect(group('x'.repeat(91))).toEqual(['Resource group name must be 1 to 90 characters long.']);
    expect(group(`(${'x'.repeat(85)}_-.)`)).toBeUndefined();
    expect(group('rg dev')).toEqual(['Resource group name can contain only letters, numbers, underscores, hyphens, periods and parentheses.']);
    expect(group('rg.')).toEqual(['Resource group name cannot end with a period.']);
  });

  it('a new resource group needs a location; an existing one does not', () => {
    expect(errorsOf({ resourceGroup: { name: 'rg-new', isNew: true } })).toEqual({ 'resourceGroup.location': ['A new resource group needs a location.'] });
    expect(errorsOf({ resourceGroup: { name: 'rg-new', isNew: true, location: 'eastus' } })).toEqual({});
    expect(errorsOf({ resourceGroup: { name: 'rg-old', isNew: false } })).toEqual({});
  });

  it('something that is not an object at all is refused as a whole', () => {
    const result = validateCreateServerRequest('create me a server');
    expect(result).toEqual({ ok: false, errors: { _: [expect.any(String)] } });
  });
});

describe('the request kept for a retry', () => {
  it('holds everything but the password and its confirmation', () => {
    const request = createRequest({ groupId: 'g1' });
    const { adminPassword: _p, confirmPassword: _c, ...rest } = request;
    expect(toRetryableRequest(request)).toEqual(rest);
    expect(JSON.stringify(toRetryableRequest(request))).not.toContain(request.adminPassword);
  });
});
