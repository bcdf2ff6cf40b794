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
});
