import * as z from 'zod';

/**
 * The fields of a connection profile, declared once for the three places one lives: a saved
 * connection in `pgsql.connections` (the connection store adds what a saved one must have), the
 * draft a deployment stages before ARM is called, and the record that stores that draft. No field
 * holds a password: a SqlLogin profile's is in SecretStorage, an Entra profile has none.
 */
export const connectionProfileFields = z.object({
  id: z.string(),
  server: z.string(),
  profileName: z.string(),
  database: z.string(),
  user: z.string(),
  authenticationType: z.enum(['SqlLogin', 'AzureMFA']),
  azureAuthType: z.literal('AzureMFA').optional(),
  entraUserName: z.string().optional(),
  azureResourceId: z.string().optional(),
  azureSubscriptionId: z.string().optional(),
  azureResourceGroup: z.string().optional(),
  azureTenantId: z.string().optional(),
  savePassword: z.boolean(),
  groupId: z.string().optional(),
  // Azure metadata the dashboard shows before a connection exists.
  azureLocation: z.string().optional(),
  postgresVersion: z.string().optional(),
  skuName: z.string().optional(),
  tier: z.string().optional(),
});

export type ConnectionProfileFields = z.infer<typeof connectionProfileFields>;
export type AuthenticationType = ConnectionProfileFields['authenticationType'];
