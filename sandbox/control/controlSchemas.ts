import * as z from 'zod';
import { KNOWN_FAILURES, type FaultRule, type ListOrder, type ProviderRegistration, type QuotaLimit, type ResourceDurations, type SandboxPolicy, type ScriptedOutcome, type SkuRestriction } from '../types';

/** Validation of control-API bodies, so a typo gets a clear 400 instead of a silent no-op. */

const seconds = z.number().nonnegative();
export const durationsSchema = z
  .object({ flexibleServers: seconds, firewallRules: seconds, administrators: seconds, databases: seconds })
  .partial()
  .strict() satisfies z.ZodType<Partial<ResourceDurations>>;

const knownFailure = z.enum(KNOWN_FAILURES);

export const outcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('succeed'), durations: durationsSchema.optional() }).strict(),
  z
    .object({
      outcome: z.literal('fail'),
      error: z.union([knownFailure, z.object({ code: z.string().min(1), message: z.string().optional() }).strict()]),
      resource: z.enum(['flexibleServers', 'firewallRules', 'administrators', 'databases']).optional(),
      times: z.number().int().positive().optional(),
      durations: durationsSchema.optional(),
    })
    .strict(),
  z.object({ outcome: z.literal('hang') }).strict(),
  z.object({ outcome: z.literal('vanish'), keepServer: z.boolean().optional(), durations: durationsSchema.optional() }).strict(),
]) satisfies z.ZodType<ScriptedOutcome>;

const count = z.number().int().positive();
const routes = z.array(z.string()).optional();
const afterApply = z.boolean().optional();
export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('throttle'), count, retryAfterSeconds: z.number().int().nonnegative().optional(), routes, afterApply }).strict(),
  z.object({ kind: z.literal('status'), status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]), count, routes, afterApply }).strict(),
  z.object({ kind: z.literal('reset'), count, routes, afterApply }).strict(),
]) satisfies z.ZodType<FaultRule>;

export const speedSchema = z.object({ speed: z.number().positive() }).strict();
export const listOrderSchema = z.enum(['newestFirst', 'arbitrary']) satisfies z.ZodType<ListOrder>;
export const policySchema = z.object({ denyPublicServers: z.boolean() }).strict() satisfies z.ZodType<SandboxPolicy>;
export const quotaSchema = z
  .object({ location: z.string().min(1), vCores: z.number().int().nonnegative(), subscriptionId: z.string().min(1).optional() })
  .strict() satisfies z.ZodType<QuotaLimit>;
export const skuRestrictionSchema = z
  .object({ location: z.string().min(1), skuName: z.string().min(1), listed: z.boolean(), subscriptionId: z.string().min(1).optional() })
  .strict() satisfies z.ZodType<SkuRestriction>;
export const latencySchema = z.object({ ms: z.number().int().nonnegative() }).strict();
export const tokenSchema = z.object({ token: z.string().min(1) }).strict();
export const providerRegistrationSchema = z.object({ registered: z.boolean(), mayRegister: z.boolean().optional() }).strict() satisfies z.ZodType<ProviderRegistration>;
