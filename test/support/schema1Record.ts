/** A record as the specification's first implementation (schema 1) stored it: a finished deployment. */
export const schema1 = {
  stagingId: 'old-1',
  deploymentName: 'pgflex-legacy-1700000000000',
  resourceGroupName: 'rg',
  subscriptionId: 'sub',
  tenantId: 'tenant',
  connectionProfile: { server: 'legacy.postgres.database.azure.com', profileName: 'legacy', user: 'pgadmin', authenticationType: 'SqlLogin', savePassword: true },
  status: 'succeeded',
  createdAt: Date.UTC(2026, 10, 20),
  lastCheckedAt: Date.UTC(2026, 10, 20, 1),
  profileCreated: true,
};
