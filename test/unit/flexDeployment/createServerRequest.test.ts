import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { LOGIN_IN_PASSWORD_MESSAGE } from '../../../machines/flexDeployment/loginInPassword';
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

describe("the password and Azure's rule about the login", () => {
  const login = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,20}$/);
  const anyCase = (text: string) =>
    fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) =>
      [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
    );
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
    }).toEqual({ unrelated: true, part: false, whole: false, wholeWithUnderscores: false, twoLettersOnly: true });
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
