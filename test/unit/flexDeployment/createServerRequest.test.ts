import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRetryableRequest, validateCreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { LOGIN_IN_PASSWORD_MESSAGE } from '../../../machines/flexDeployment/loginInPassword';
import { createRequest } from '../../support/trackerFakes';

const LENGTH = 'Server name must be 3 to 63 characters long.';
const CHARACTERS = 'Server name can contain only lowercase letters, numbers and hyphens.';
const HYPHEN = 'Server name cannot start or end with a hyphen.';

function errorsOf(overrides: Record<string, unknown>) {
  const result = validateCreateServerRequest({ ...createRequest(), ...overrides });
  return result.ok ? {} : result.errors;
}

/** The text with each letter in either case. */
function anyCase(text: string) {
  return fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) =>
    [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
  );
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
    ['a'.repeat(63), []],
    ['a'.repeat(64), [LENGTH]],
  ])('server name %j → %j', (serverName, messages) => {
    expect(errorsOf({ serverName }).serverName ?? []).toEqual(messages);
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

describe("the password and Azure's rule about the login", () => {
  const login = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,20}$/);
  const passwordErrors = (adminLogin: string, adminPassword: string) =>
    errorsOf({ adminLogin, adminPassword, confirmPassword: adminPassword }).adminPassword ?? [];

  it('refuses a password that contains the login, in any case', () => {
    fc.assert(
      fc.property(login.chain((l) => fc.tuple(fc.constant(l), anyCase(l))), fc.string(), fc.string(), ([adminLogin, cased], before, after) => {
        expect(passwordErrors(adminLogin, `${before}${cased}${after}`)).toContain(LOGIN_IN_PASSWORD_MESSAGE);
      }),
    );
  });

  it('refuses a password for any three consecutive letters or numbers of the login in it, in any case, and for nothing else', () => {
    const withPart = login
      .filter((l) => /[a-z0-9]{3}/i.test(l))
      .chain((l) => {
        const starts = [...l].flatMap((_, i) => (/^[a-z0-9]{3}$/i.test(l.slice(i, i + 3)) ? [i] : []));
        return fc.tuple(fc.constant(l), fc.constantFrom(...starts).chain((i) => anyCase(l.slice(i, i + 3))));
      });
    fc.assert(
      fc.property(withPart, fc.string(), fc.nat(), ([adminLogin, part], password, at) => {
        // Without a character of the login, the password cannot break this rule.
        const shared = new Set(adminLogin.toLowerCase());
        const unrelated = [...password].filter((c) => !shared.has(c.toLowerCase())).join('');
        expect(passwordErrors(adminLogin, unrelated)).not.toContain(LOGIN_IN_PASSWORD_MESSAGE);
        const cut = at % (unrelated.length + 1);
        expect(passwordErrors(adminLogin, unrelated.slice(0, cut) + part + unrelated.slice(cut))).toContain(LOGIN_IN_PASSWORD_MESSAGE);
      }),
    );
  });

  it('reads the rule literally: the whole login, or three consecutive letters or numbers of it', () => {
    const accepted = (adminLogin: string, adminPassword: string) =>
      validateCreateServerRequest(createRequest({ adminLogin, adminPassword, confirmPassword: adminPassword })).ok;
    expect({
      unrelated: accepted('pgadmin', 'S3cret!pass'),
      part: accepted('pgadmin', 'Admin-Passw0rd'),
      whole: accepted('pgadmin', 'x!PGADMIN!9x'),
      wholeWithUnderscores: accepted('a_b', 'Zz9!A_B-zz'),
      twoLettersOnly: accepted('ada', 'S3cret-Passw0rd-ad!'),
      // 'a_b' and '_bc' are three characters of the login, but not three letters or numbers.
      partsWithUnderscores: accepted('a_bcd', 'Zz9!a_b-_bcQ'),
    }).toEqual({ unrelated: true, part: false, whole: false, wholeWithUnderscores: false, twoLettersOnly: true, partsWithUnderscores: true });
  });

  it('names the login rule with the other broken password rules', () => {
    expect(passwordErrors('pgadmin', 'pgadmin')).toEqual([
      'Password must be 8 to 128 characters long.',
      'Password must contain characters from three of these four classes: uppercase letters, lowercase letters, numbers and non-alphanumeric characters.',
      LOGIN_IN_PASSWORD_MESSAGE,
    ]);
  });
});

describe('the create request refuses fields it does not have', () => {
  it('names each unknown field by its path, at the top and inside every nested object', () => {
    const request = createRequest({ authenticationMode: 'Hybrid', entraAdmin: { objectId: 'oid', principalName: 'ada', principalType: 'User' } });
    const errors = errorsOf({
      ...request,
      isAdmin: true,
      resourceGroup: { ...request.resourceGroup, tags: {} },
      firewall: { ...request.firewall, allowAll: true },
      entraAdmin: { ...request.entraAdmin, role: 'Owner' },
    });
    expect(errors).toEqual({
      isAdmin: ["The create request has no field 'isAdmin'."],
      'resourceGroup.tags': ["The create request has no field 'resourceGroup.tags'."],
      'firewall.allowAll': ["The create request has no field 'firewall.allowAll'."],
      'entraAdmin.role': ["The create request has no field 'entraAdmin.role'."],
    });
  });

  it('names unknown fields called __proto__ or constructor as it names any other', () => {
    const input = JSON.parse(`{"__proto__": {"polluted": true}, "constructor": 1, "resourceGroup": {"name": "rg", "isNew": false, "__proto__": 2}}`) as object;
    const result = validateCreateServerRequest({ ...createRequest(), ...input });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['__proto__', 'constructor', 'resourceGroup.__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

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
    expect(group('', true)).toEqual(['Resource group name must be 1 to 90 characters long.']);
    expect(group('')).toEqual(['Choose a resource group.']);
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
