import * as z from 'zod';
import { computeTierSchema } from './catalog';
import { serverOptionsShape } from './serverOptions';
import { networkingShape } from './networking';

export const authenticationModeSchema = z.enum(['PostgreSQLOnly', 'EntraOnly', 'Hybrid']);
export type AuthenticationMode = z.infer<typeof authenticationModeSchema>;

export const entraAdministratorSchema = z.object({
  objectId: z.string(),
  principalName: z.string(),
  principalType: z.enum(['User', 'Group', 'ServicePrincipal']),
});
export type EntraAdministrator = z.infer<typeof entraAdministratorSchema>;

/**
 * The create request as a deployment keeps it, to prefill a Retry: everything the form sent but
 * the password and its confirmation. The form's rules (createServerRequest.ts) judged it when it was
 * sent; kept or prefilled, only its shape is checked, so a rule made stricter later never turns a
 * stored deployment away. The server options and the networking keep their defaults: a record
 * stored before they existed reads as the server it created (public access, no custom ranges).
 */
export const retryableRequestSchema = z.object({
  tenantId: z.string(),
  subscriptionId: z.string(),
  resourceGroup: z.object({ name: z.string(), isNew: z.boolean(), location: z.string().optional() }),
  serverName: z.string(),
  location: z.string(),
  version: z.string(),
  tier: computeTierSchema,
  skuName: z.string(),
  storageSizeGB: z.number(),
  authenticationMode: authenticationModeSchema,
  adminLogin: z.string().optional(),
  entraAdmin: entraAdministratorSchema.optional(),
  networkAccess: networkingShape.networkAccess,
  firewall: z.object({
    allowAzureServices: z.boolean(),
    clientIp: z.string().optional(),
    ranges: z.array(z.object({ name: z.string(), startIpAddress: z.string(), endIpAddress: z.string() })).default([]),
  }),
  groupId: z.string().optional(),
  ...serverOptionsShape,
});
export type RetryableRequest = z.infer<typeof retryableRequestSchema>;
