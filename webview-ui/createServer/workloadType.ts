import * as l10n from '../../machines/l10n';

/** The portal's "Workload type" choices, by the names the portal gives them (workloadPresets.ts says what each fills in). */
export const WORKLOAD_TYPES = ['Development', 'ProductionSmallMedium', 'ProductionLarge'] as const;
export type WorkloadType = (typeof WORKLOAD_TYPES)[number];

export const WORKLOAD_TYPE_LABELS: Record<WorkloadType, string> = {
  Development: l10n.t('Development'),
  ProductionSmallMedium: l10n.t('Production (small / medium-size)'),
  ProductionLarge: l10n.t('Production (large size)'),
};
