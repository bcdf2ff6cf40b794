import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { ALLOW_AZURE_SERVICES_RULE, clientFirewallRuleName, firewallRulesOf, type FirewallRange } from '../../../machines/flexDeployment/networking';
import { createRequest } from '../../support/trackerFakes';

const NAME_NEEDED = 'A firewall rule needs a name.';
const NAME_LENGTH = 'A firewall rule name must be at most 80 characters long.';
const NAME_CHARACTERS = 'A firewall rule name can contain only letters, numbers, hyphens and underscores.';
const NAME_START = 'A firewall rule name must start with a letter or a number.';
const NAME_END = 'A firewall rule name cannot end with a hyphen.';
const START_IP = 'Start IP address must be an IPv4 address.';
const END_IP = 'End IP address must be an IPv4 address.';
const ORDER = 'End IP address cannot come before the start IP address.';

const office: FirewallRange = { name: 'office', startIpAddress: '198.51.100.0', endIpAddress: '198.51.100.255' };

function errorsWith(ranges: FirewallRange[], firewall: { allowAzureServices?: boolean; clientIp?: string } = {}) {
  const result = validateCreateServerRequest(createRequest({ firewall: { allowAzureServices: false, ...firewall, ranges } }));
  return result.ok ? {} : result.errors;
}

/** The provider's name rules, written out independently of the schema. */
function brokenNameRules(name: string): string[] {
  return [
    ...(name.length === 0 ? [NAME_NEEDED] : []),
    ...(name.length > 80 ? [NAME_LENGTH] : []),
    ...([...name].some((c) => !/[a-zA-Z0-9_-]/.test(c)) ? [NAME_CHARACTERS] : []),
    ...(name !== '' && !/[a-zA-Z0-9]/.test(name[0]) ? [NAME_START] : []),
    ...(name.endsWith('-') ? [NAME_END] : []),
  ];
}

/** An address as its four octets: compared octet by octet, it orders as IPv4 addresses do. */
const octets = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
const dotted = (o: readonly number[]) => o.join('.');
function comesAfter(a: readonly number[], b: readonly number[]): boolean {
  const i = a.findIndex((octet, index) => octet !== b[index]);
  return i >= 0 && a[i] > b[i];
}

describe('a custom firewall range', () => {
  it.each([
    ['office', []],
    ['Office_2-b', []],
    ['a', []],
    ['9', []],
    ['a'.repeat(80), []],
    ['a'.repeat(81), [NAME_LENGTH]],
    ['', [NAME_NEEDED]],
    ['my office', [NAME_CHARACTERS]],
    ['office.eu', [NAME_CHARACTERS]],
    ['-office', [NAME_START]],
    ['_office', [NAME_START]],
    ['office-', [NAME_END]],
    ['-', [NAME_START, NAME_END]],
    ['.office-', [NAME_CHARACTERS, NAME_START, NAME_END]],
  ])('named %j breaks %j', (name, broken) => {
    expect(errorsWith([{ ...office, name }])['firewall.ranges.0.name'] ?? []).toEqual(broken);
  });

  it('names every rule its name breaks, and only those (property)', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', '-', '_', '.', ' ', 'é', '/'), maxLength: 90 });
    fc.assert(
      fc.property(name, (n) => {
        expect(errorsWith([{ ...office, name: n }])['firewall.ranges.0.name'] ?? []).toEqual(brokenNameRules(n));
      }),
    );
  });

  it('names an address that is not IPv4 on its own field, and does not order it', () => {
    expect(errorsWith([{ ...office, startIpAddress: '198.51.100' }])).toEqual({ 'firewall.ranges.0.startIpAddress': [START_IP] });
    expect(errorsWith([{ ...office, endIpAddress: '2001:db8::1' }])).toEqual({ 'firewall.ranges.0.endIpAddress': [END_IP] });
    // ARM's pattern takes no leading zeros; 010 would read as 10 and come after 9.
    expect(errorsWith([{ ...office, startIpAddress: '010.0.0.1', endIpAddress: '9.0.0.0' }])).toEqual({ 'firewall.ranges.0.startIpAddress': [START_IP] });
    expect(errorsWith([{ ...office, startIpAddress: '', endIpAddress: '256.0.0.0' }])).toEqual({
      'firewall.ranges.0.startIpAddress': [START_IP],
      'firewall.ranges.0.endIpAddress': [END_IP],
    });
  });

  it('orders start and end by address, not as text', () => {
    const order = (startIpAddress: string, endIpAddress: string) => errorsWith([{ ...office, startIpAddress, endIpAddress }])['firewall.ranges.0.endIpAddress'];
    expect(order('9.0.0.0', '10.0.0.0')).toBeUndefined();
    expect(order('192.168.1.20', '192.168.1.100')).toBeUndefined();
    expect(order('192.168.1.100', '192.168.1.20')).toEqual([ORDER]);
    expect(order('10.0.0.0', '9.255.255.255')).toEqual([ORDER]);
    expect(order('203.0.113.7', '203.0.113.7')).toBeUndefined();
  });

  it('is refused exactly when its end comes before its start, octet by octet (property)', () => {
    fc.assert(
      fc.property(octets, octets, (start, end) => {
        const errors = errorsWith([{ ...office, startIpAddress: dotted(start), endIpAddress: dotted(end) }]);
        expect(errors).toEqual(comesAfter(start, end) ? { 'firewall.ranges.0.endIpAddress': [ORDER] } : {});
      }),
    );
  });

  it('is refused on its end either way round when two distinct addresses are swapped (property)', () => {
    fc.assert(
      fc.property(octets, octets, (a, b) => {
        fc.pre(dotted(a) !== dotted(b));
        const refused = (start: readonly number[], end: readonly number[]) =>
          'firewall.ranges.0.endIpAddress' in errorsWith([{ ...office, startIpAddress: dotted(start), endIpAddress: dotted(end) }]);
        expect(refused(a, b)).not.toBe(refused(b, a));
      }),
    );
  });
});

describe('the names of the firewall rules', () => {
  it('are unique without regard to case: the second of two is named', () => {
    const errors = errorsWith([office, { ...office, name: 'OFFICE', startIpAddress: '203.0.113.1', endIpAddress: '203.0.113.1' }]);
    expect(errors).toEqual({ 'firewall.ranges.1.name': ["Firewall rule 'OFFICE' is already in the list: rule names are compared without regard to case."] });
  });

  it('left empty in two ranges: each is asked for, neither called a repeat of the other', () => {
    const errors = errorsWith([{ ...office, name: '' }, { ...office, name: '', startIpAddress: '203.0.113.1', endIpAddress: '203.0.113.1' }]);
    expect(Object.keys(errors).sort()).toEqual(['firewall.ranges.0.name', 'firewall.ranges.1.name']);
    expect(errors['firewall.ranges.1.name']).toEqual(errors['firewall.ranges.0.name']);
    expect(JSON.stringify(errors)).not.toContain('already in the list');
  });

  it("cannot be those of the rules the checkboxes add, in any case, while they are checked", () => {
    const azure = { ...office, name: ALLOW_AZURE_SERVICES_RULE.toUpperCase() };
    const client = { ...office, name: clientFirewallRuleName('203.0.113.7') };
    expect(errorsWith([azure], { allowAzureServices: true })).toEqual({
      'firewall.ranges.0.name': [`Firewall rule '${azure.name}' is one a checkbox above adds: rule names are compared without regard to case.`],
    });
    expect(Object.keys(errorsWith([azure, client], { clientIp: '203.0.113.7' }))).toEqual(['firewall.ranges.1.name']);
    expect(errorsWith([azure, client])).toEqual({});
  });
});

describe('no public access', () => {
  it('takes no firewall rule of any kind', () => {
    const none = (firewall: { allowAzureServices: boolean; clientIp?: string; ranges: FirewallRange[] }) => {
      const result = validateCreateServerRequest(createRequest({ networkAccess: 'None', firewall }));
      return result.ok ? {} : result.errors;
    };
    const refused = { firewall: ['Without public access the server takes no firewall rules.'] };
    expect(none({ allowAzureServices: false, ranges: [] })).toEqual({});
    expect(none({ allowAzureServices: true, ranges: [] })).toEqual(refused);
    expect(none({ allowAzureServices: false, clientIp: '203.0.113.7', ranges: [] })).toEqual(refused);
    expect(none({ allowAzureServices: false, ranges: [office] })).toEqual(refused);
  });

  it('is one of two choices; a request without one has public access, as before the choice', () => {
    const { networkAccess: _n, ...before } = createRequest();
    const result = validateCreateServerRequest(before);
    expect(result.ok && result.request.networkAccess).toBe('Public');
    expect(validateCreateServerRequest(createRequest({ networkAccess: 'Private' as 'None' }))).toEqual({
      ok: false,
      errors: { networkAccess: ['Choose public access or no public access.'] },
    });
  });
});

describe('the firewall rules a server gets', () => {
  it('are the Azure services rule, the client’s, then the custom ranges, in that order', () => {
    const request = createRequest({ firewall: { allowAzureServices: true, clientIp: '203.0.113.7', ranges: [office] } });
    expect(firewallRulesOf(request)).toEqual([
      { name: ALLOW_AZURE_SERVICES_RULE, startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' },
      { name: 'pgflex-client-203-0-113-7', startIpAddress: '203.0.113.7', endIpAddress: '203.0.113.7' },
      office,
    ]);
  });

  it('are none without public access', () => {
    expect(firewallRulesOf(createRequest({ networkAccess: 'None', firewall: { allowAzureServices: true, ranges: [office] } }))).toEqual([]);
  });
});
