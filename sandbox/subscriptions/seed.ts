/** The fixed tenant, subscriptions and regions the sandbox offers; ids are UUIDs because the SDKs validate them. */

export const SANDBOX_TENANT_ID = '7a3c1c9e-5d2b-4e8f-9a61-0c4b2d8e1f35';

export interface SandboxSubscription {
  subscriptionId: string;
  displayName: string;
}

export const SANDBOX_SUBSCRIPTIONS: readonly SandboxSubscription[] = [
  { subscriptionId: '4f1b3e2a-8c6d-4a5b-9e7f-1d2c3b4a5e6f', displayName: 'Sandbox Pay-As-You-Go' },
  { subscriptionId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', displayName: 'Sandbox Dev/Test' },
];

/** Resource groups present from the start, so a demo has something to pick. */
export const SEEDED_RESOURCE_GROUPS: readonly { subscriptionId: string; name: string; location: string }[] = [
  { subscriptionId: SANDBOX_SUBSCRIPTIONS[0].subscriptionId, name: 'rg-pgflex-demo', location: 'eastus' },
  { subscriptionId: SANDBOX_SUBSCRIPTIONS[1].subscriptionId, name: 'rg-pgflex-dev', location: 'canadacentral' },
];

export interface SandboxLocation {
  name: string;
  displayName: string;
  geographyGroup: string;
  latitude: string;
  longitude: string;
  physicalLocation: string;
}

export const SANDBOX_LOCATIONS: readonly SandboxLocation[] = [
  { name: 'eastus', displayName: 'East US', geographyGroup: 'US', latitude: '37.3719', longitude: '-79.8164', physicalLocation: 'Virginia' },
  { name: 'eastus2', displayName: 'East US 2', geographyGroup: 'US', latitude: '36.6681', longitude: '-78.3889', physicalLocation: 'Virginia' },
  { name: 'westus2', displayName: 'West US 2', geographyGroup: 'US', latitude: '47.233', longitude: '-119.852', physicalLocation: 'Washington' },
  { name: 'canadacentral', displayName: 'Canada Central', geographyGroup: 'Canada', latitude: '43.653', longitude: '-79.383', physicalLocation: 'Toronto' },
  { name: 'northeurope', displayName: 'North Europe', geographyGroup: 'Europe', latitude: '53.3478', longitude: '-6.2597', physicalLocation: 'Ireland' },
  { name: 'westeurope', displayName: 'West Europe', geographyGroup: 'Europe', latitude: '52.3667', longitude: '4.9', physicalLocation: 'Netherlands' },
  { name: 'uksouth', displayName: 'UK South', geographyGroup: 'UK', latitude: '50.941', longitude: '-0.799', physicalLocation: 'London' },
  { name: 'swedencentral', displayName: 'Sweden Central', geographyGroup: 'Europe', latitude: '60.67488', longitude: '17.14127', physicalLocation: 'Gävle' },
  { name: 'australiaeast', displayName: 'Australia East', geographyGroup: 'Asia Pacific', latitude: '-33.86', longitude: '151.2094', physicalLocation: 'New South Wales' },
  { name: 'japaneast', displayName: 'Japan East', geographyGroup: 'Asia Pacific', latitude: '35.68', longitude: '139.77', physicalLocation: 'Tokyo, Saitama' },
];

export function findSubscription(subscriptionId: string): SandboxSubscription | undefined {
  return SANDBOX_SUBSCRIPTIONS.find((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
}

export function findLocation(name: string): SandboxLocation | undefined {
  const wanted = name.replace(/\s+/g, '').toLowerCase();
  return SANDBOX_LOCATIONS.find((l) => l.name === wanted);
}
