import { describe, expect, it } from 'vitest';
import { ruleAllowing } from '../../../machines/webview/firewallRules';

const rules = [
  { name: 'AllowAllAzureServicesAndResourcesWithinAzureIps', startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' },
  { name: 'office', startIpAddress: '198.51.100.0', endIpAddress: '198.51.100.255' },
  { name: 'laptop', startIpAddress: '203.0.113.7', endIpAddress: '203.0.113.7' },
];

describe('the rule that lets an address in', () => {
  it('is the first whose range holds it, ends included', () => {
    expect(ruleAllowing(rules, '198.51.100.0')?.name).toBe('office');
    expect(ruleAllowing(rules, '198.51.100.255')?.name).toBe('office');
    expect(ruleAllowing(rules, '203.0.113.7')?.name).toBe('laptop');
  });

  it('is none for an address outside every range, or one that is not IPv4', () => {
    expect(ruleAllowing(rules, '198.51.101.0')).toBeUndefined();
    expect(ruleAllowing(rules, '203.0.113.8')).toBeUndefined();
    expect(ruleAllowing(rules, '2001:db8::1')).toBeUndefined();
    expect(ruleAllowing(rules, '198.51.100.256')).toBeUndefined();
    expect(ruleAllowing([{ name: 'broken', startIpAddress: 'x', endIpAddress: '255.255.255.255' }], '10.0.0.1')).toBeUndefined();
  });

  // A rule that lets in every IPv4 address: only an address that is not one finds no rule.
  const everyone = [{ name: 'everyone', startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' }];

  it.each(['1.2.3', '1.2.3.4.5', '1.2.3.256', '1.2.3.999', '1.2.3.1000', ' 1.2.3.4', '1.2.3.4 ', '1e2.0.0.1', '0x10.0.0.1', 'a.b.c.d', '1..3.4', ''])(
    "is none for '%s', which is not an IPv4 address, even where every address is let in",
    (address) => {
      expect(ruleAllowing(everyone, address)).toBeUndefined();
    },
  );

  it.each(['0.0.0.0', '1.2.3.4', '255.255.255.255', '010.0.0.1'])("is the rule for '%s' where every address is let in", (address) => {
    expect(ruleAllowing(everyone, address)?.name).toBe('everyone');
  });
});
