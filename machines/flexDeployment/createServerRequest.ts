import * as l10n from '../l10n';
import * as z from 'zod';
import { LOGIN_IN_PASSWORD_MESSAGE, passwordContainsLogin } from './loginInPassword';
import { checkServerOptions, serverOptionsShape } from './serverOptions';
import { checkNetworking, networkingShape } from './networking';
import { computeTierSchema } from './catalog';
import { authenticationModeSchema, entraAdministratorSchema, type RetryableRequest } from './retryableRequest';

/**
 * The create form's request, validated by the same schema in the webview (as the user types) and
 * in the host (for every message, because the host never trusts the webview). Each message names
 * the Azure rule it enforces, and each rule tests only its own concern, so that every broken rule
 * of a field is named and no rule is named that holds.
 */

const RESERVED_ADMIN_LOGINS = ['azure_superuser', 'azure_pg_admin', 'admin', 'administrator', 'root', 'guest', 'public'];

export const serverNameSchema = z
  .string()
  .min(3, l10n.t('Server name must be 3 to 63 characters long.'))
  .max(63, l10n.t('Server name must be 3 to 63 characters long.'))
  .regex(/^[a-z0-9-]*$/, l10n.t('Server name can contain only lowercase letters, numbers and hyphens.'))
  .refine((v) => !v.startsWith('-') && !v.endsWith('-'), { message: l10n.t('Server name cannot start or end with a hyphen.') });

export const adminLoginSchema = z
  .string()
  .min(1, l10n.t('Admin login is required when password authentication is enabled.'))
  .max(63, l10n.t('Admin login must be at most 63 characters long.'))
  .regex(/^(?:[a-zA-Z_][a-zA-Z0-9_]*)?$/, l10n.t('Admin login must start with a letter or underscore and contain only letters, numbers and underscores.'))
  .refine((v) => !RESERVED_ADMIN_LOGINS.includes(v.toLowerCase()), {
    message: l10n.t('Admin login cannot be a reserved name ({0}).', RESERVED_ADMIN_LOGINS.join(', ')),
  })
  .refine((v) => !v.toLowerCase().startsWith('pg_'), { message: l10n.t("Admin login cannot start with 'pg_'.") });

export const adminPasswordSchema = z
  .string()
  .min(8, l10n.t('Password must be 8 to 128 characters long.'))
  .max(128, l10n.t('Password must be 8 to 128 characters long.'))
  .refine((v) => [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length >= 3, {
    message: l10n.t('Password must contain characters from three of these four classes: uppercase letters, lowercase letters, numbers and non-alphanumeric characters.'),
  });

export const CHOOSE_RESOURCE_GROUP = l10n.t('Choose a resource group.');
const RESOURCE_GROUP_LENGTH = l10n.t('Resource group name must be 1 to 90 characters long.');

const entraAdministratorFields = z.strictObject({
  objectId: z.string().min(1, l10n.t('The Microsoft Entra administrator needs an object id.')),
  principalName: z.string().min(1, l10n.t('The Microsoft Entra administrator needs a name.')),
  principalType: entraAdministratorSchema.shape.principalType,
});

// Strict at every level: a field the form does not have is refused, never silently dropped.
export const createServerRequestSchema = z
  .strictObject({
    tenantId: z.string().min(1, l10n.t('Choose a tenant.')),
    subscriptionId: z.string().min(1, l10n.t('Choose a subscription.')),
    resourceGroup: z.strictObject({
      // Emptiness is judged below: an existing group is chosen, a new one is named.
      name: z
        .string()
        .max(90, RESOURCE_GROUP_LENGTH)
        .regex(/^[-\w.()]*$/u, l10n.t('Resource group name can contain only letters, numbers, underscores, hyphens, periods and parentheses.'))
        .refine((v) => !v.endsWith('.'), { message: l10n.t('Resource group name cannot end with a period.') }),
      isNew: z.boolean(),
      location: z.string().optional(),
    }),
    serverName: serverNameSchema,
    location: z.string().min(1, l10n.t('Choose a location.')),
    version: z.string().min(1, l10n.t('Choose a PostgreSQL version.')),
    tier: z.enum(computeTierSchema.options, { message: l10n.t('Choose a compute tier.') }),
    skuName: z.string().min(1, l10n.t('Choose a compute size.')),
    storageSizeGB: z.number().int(l10n.t('Storage size must be a whole number of GiB.')).positive(l10n.t('Choose a storage size.')),
    authenticationMode: z.enum(authenticationModeSchema.options, { message: l10n.t('Choose an authentication method.') }),
    adminLogin: z.string().optional(),
    adminPassword: z.string().optional(),
    confirmPassword: z.string().optional(),
    entraAdmin: entraAdministratorFields.optional(),
    groupId: z.string().optional(),
    ...networkingShape,
    ...serverOptionsShape,
  })
  .superRefine((req, ctx) => {
    if (req.resourceGroup.name === '') {
      ctx.addIssue({ code: 'custom', path: ['resourceGroup', 'name'], message: req.resourceGroup.isNew ? RESOURCE_GROUP_LENGTH : CHOOSE_RESOURCE_GROUP });
    }
    checkServerOptions(req, ctx);
    checkNetworking(req, ctx);
    const usesPassword = req.authenticationMode !== 'EntraOnly';
    const usesEntra = req.authenticationMode !== 'PostgreSQLOnly';
    if (usesPassword) {
      check(ctx, ['adminLogin'], adminLoginSchema, req.adminLogin ?? '');
      check(ctx, ['adminPassword'], adminPasswordSchema, req.adminPassword ?? '');
      if (req.adminPassword && req.adminLogin && passwordContainsLogin(req.adminPassword, req.adminLogin)) {
        ctx.addIssue({ code: 'custom', path: ['adminPassword'], message: LOGIN_IN_PASSWORD_MESSAGE });
      }
      if (req.adminPassword !== req.confirmPassword) {
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: l10n.t('Passwords do not match.') });
      }
    }
    if (usesEntra && !req.entraAdmin) {
      ctx.addIssue({ code: 'custom', path: ['entraAdmin'], message: l10n.t('Microsoft Entra authentication needs an administrator.') });
    }
    if (req.resourceGroup.isNew && !req.resourceGroup.location) {
      ctx.addIssue({ code: 'custom', path: ['resourceGroup', 'location'], message: l10n.t('A new resource group needs a location.') });
    }
  });

function check(ctx: z.RefinementCtx, path: string[], schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path, message: issue.message });
  }
}

export type CreateServerRequest = z.infer<typeof createServerRequestSchema>;

/**
 * What the form sends: the request's fields at every level, with values the schema has yet to
 * judge. The type keeps the form from sending a field the strict schema would refuse.
 */
export type CreateServerRequestInput = FieldsOf<CreateServerRequest>;
type FieldsOf<T> = { [K in keyof T]?: NonNullable<T[K]> extends string | number | boolean ? unknown : FieldsOf<NonNullable<T[K]>> };

/** Field path (e.g. `resourceGroup.name`) → the message of every rule it breaks, in the schema's order. */
export type ValidationErrors = Record<string, string[]>;

export function validateCreateServerRequest(input: unknown):
  | { ok: true; request: CreateServerRequest }
  | { ok: false; errors: ValidationErrors } {
  const result = createServerRequestSchema.safeParse(input);
  if (result.success) return { ok: true, request: result.data };
  // A Map, not an object: a field may be named `__proto__` or `constructor` by a hostile page.
  const errors = new Map<string, string[]>();
  const add = (field: string, message: string) => errors.set(field, [...(errors.get(field) ?? []), message]);
  for (const issue of result.error.issues) {
    const at = issue.path.join('.');
    if (issue.code !== 'unrecognized_keys') {
      add(at || '_', issue.message);
      continue;
    }
    for (const key of issue.keys) {
      const field = at ? `${at}.${key}` : key;
      add(field, l10n.t("The create request has no field '{0}'.", field));
    }
  }
  return { ok: false, errors: Object.fromEntries(errors) };
}

/** The request as it may be stored and prefilled again: without password or its confirmation. */
export function toRetryableRequest(request: CreateServerRequest): RetryableRequest {
  const { adminPassword: _p, confirmPassword: _c, ...rest } = request;
  return rest;
}
