import * as l10n from '../l10n';
import * as z from 'zod';

/**
 * The server's options beyond compute and storage size: storage performance tier, high
 * availability, zone, backup, storage autogrow and tags. Every field has a default that is what a server got before these options
 * existed, so a request or a stored record written before them still validates, and means the same.
 * What a location offers is checked in offeredOptions.ts; this file holds Azure's fixed rules.
 */

export const HIGH_AVAILABILITY_MODES = ['Disabled', 'SameZone', 'ZoneRedundant'] as const;
export type HighAvailabilityMode = (typeof HIGH_AVAILABILITY_MODES)[number];

/** Premium SSD performance tiers, as ARM's `storage.tier` names them. */
export const STORAGE_TIERS = ['P1', 'P2', 'P3', 'P4', 'P6', 'P10', 'P15', 'P20', 'P30', 'P40', 'P50', 'P60', 'P70', 'P80'] as const;

export const MIN_BACKUP_RETENTION_DAYS = 7;
export const MAX_BACKUP_RETENTION_DAYS = 35;

/** Azure's tag limits for resources other than storage accounts. */
export const MAX_TAGS = 50;
export const MAX_TAG_NAME_LENGTH = 512;
export const MAX_TAG_VALUE_LENGTH = 256;
export const TAG_NAME_FORBIDDEN_CHARACTERS = ['<', '>', '%', '&', '\\', '?', '/'] as const;

const tagSchema = z.strictObject({
  name: z
    .string()
    .min(1, l10n.t('A tag needs a name.'))
    .max(MAX_TAG_NAME_LENGTH, l10n.t('A tag name must be at most {0} characters long.', MAX_TAG_NAME_LENGTH))
    .refine((v) => !TAG_NAME_FORBIDDEN_CHARACTERS.some((c) => v.includes(c)), {
      message: l10n.t('A tag name cannot contain {0}.', TAG_NAME_FORBIDDEN_CHARACTERS.join(' ')),
    }),
  value: z.string().max(MAX_TAG_VALUE_LENGTH, l10n.t('A tag value must be at most {0} characters long.', MAX_TAG_VALUE_LENGTH)),
});

export type Tag = z.infer<typeof tagSchema>;

export const serverOptionsShape = {
  /** Undefined: no preference, Azure picks the zone. */
  availabilityZone: z.string().min(1).optional(),
  highAvailability: z
    .strictObject({
      mode: z.enum(HIGH_AVAILABILITY_MODES, { message: l10n.t('Choose a high availability mode.') }),
      /** Only for ZoneRedundant (a same-zone standby is in the server's zone); undefined: Azure picks. */
      standbyAvailabilityZone: z.string().min(1).optional(),
    })
    .default({ mode: 'Disabled' }),
  backup: z
    .strictObject({
      // The schema's message is also that of its checks without their own: the range, here.
      retentionDays: z
        .number({ message: l10n.t('Backup retention must be {0} to {1} days.', MIN_BACKUP_RETENTION_DAYS, MAX_BACKUP_RETENTION_DAYS) })
        .int(l10n.t('Backup retention must be a whole number of days.'))
        .min(MIN_BACKUP_RETENTION_DAYS)
        .max(MAX_BACKUP_RETENTION_DAYS),
      geoRedundant: z.boolean(),
    })
    .default({ retentionDays: MIN_BACKUP_RETENTION_DAYS, geoRedundant: false }),
  /** Undefined: the storage size's default tier, which Azure picks (what a server got before the choice). */
  storageTier: z.enum(STORAGE_TIERS, { message: l10n.t('A storage performance tier is one of {0}.', STORAGE_TIERS.join(', ')) }).optional(),
  storageAutoGrow: z.boolean().default(false),
  tags: z.array(tagSchema).max(MAX_TAGS, l10n.t('A server can have at most {0} tags.', MAX_TAGS)).default([]),
};

/** The options alone, read out of a whole request (its other fields are dropped, not refused). */
export const serverOptionsSchema = z.object(serverOptionsShape);
export type ServerOptions = z.infer<typeof serverOptionsSchema>;

/** What a server got before the options existed. */
export const DEFAULT_SERVER_OPTIONS: ServerOptions = serverOptionsSchema.parse({});

/** The rules between options, which no single field's schema can see. */
export function checkServerOptions(options: ServerOptions, ctx: z.RefinementCtx): void {
  const { mode, standbyAvailabilityZone } = options.highAvailability;
  if (standbyAvailabilityZone !== undefined && mode !== 'ZoneRedundant') {
    ctx.addIssue({
      code: 'custom',
      path: ['highAvailability', 'standbyAvailabilityZone'],
      message: l10n.t('A standby zone is chosen only for zone-redundant high availability.'),
    });
  }
  if (mode === 'ZoneRedundant' && standbyAvailabilityZone !== undefined && standbyAvailabilityZone === options.availabilityZone) {
    ctx.addIssue({
      code: 'custom',
      path: ['highAvailability', 'standbyAvailabilityZone'],
      message: l10n.t('A zone-redundant standby must be in another zone than the server.'),
    });
  }
  // Azure's tag names are case-insensitive: two names differing in case are one tag.
  const seen = new Set<string>();
  options.tags.forEach((tag, index) => {
    const key = tag.name.toLowerCase();
    if (key !== '' && seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['tags', index, 'name'], message: l10n.t("Tag '{0}' is already set: tag names are compared without regard to case.", tag.name) });
    }
    seen.add(key);
  });
}

/** Tags as ARM takes them: an object of name → value. */
export function tagsObject(tags: readonly Tag[]): Record<string, string> {
  return Object.fromEntries(tags.map((t) => [t.name, t.value]));
}
