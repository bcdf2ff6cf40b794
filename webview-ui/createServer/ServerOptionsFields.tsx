import * as l10n from '../../machines/l10n';
import { VscodeCheckbox, VscodeOption, VscodeSingleSelect, VscodeTextfield } from '../elements';
import type { FlexCapabilities } from '../../machines/flexDeployment/catalog';
import type { ValidationErrors } from '../../machines/flexDeployment/createServerRequest';
import { offeredSku } from '../../machines/flexDeployment/offeredOptions';
import { HIGH_AVAILABILITY_MODES, MAX_BACKUP_RETENTION_DAYS, MIN_BACKUP_RETENTION_DAYS } from '../../machines/flexDeployment/serverOptions';
import { HIGH_AVAILABILITY_LABELS, zoneLabel } from '../../machines/webview/displayNames';
import { Field, targetChecked, targetValue } from './Field';
import type { FormValues } from './formValues';

export interface ServerOptionsFieldsProps {
  values: FormValues;
  capabilities?: FlexCapabilities;
  errors: ValidationErrors;
  update: (patch: Partial<FormValues>, fields: string[]) => void;
}

/** Zone, high availability, backup and storage autogrow: each offered only as the chosen size and location allow. */
export function ServerOptionsFields({ values, capabilities, errors, update }: ServerOptionsFieldsProps) {
  const sku = offeredSku(capabilities, values.tier, values.skuName);
  const zones = sku?.zones ?? [];
  const modes = HIGH_AVAILABILITY_MODES.filter((m) => m === 'Disabled' || sku?.haModes.includes(m));
  // Undefined until a location's capabilities are in: an empty list then says nothing of what it offers.
  const where = capabilities?.location;
  const zoneOptions = (exclude?: string) => ['', ...zones.filter((z) => z !== exclude)].map((z) => (
    <VscodeOption key={z} value={z}>{zoneLabel(z)}</VscodeOption>
  ));

  return (
    <>
      <Field id="availabilityZone" label={l10n.t('Availability zone')} errors={errors.availabilityZone}
        help={zones.length || !where ? undefined : l10n.t('{0} offers no zone choice for this size.', where)}>
        <VscodeSingleSelect id="availabilityZone" value={values.availabilityZone} disabled={!zones.length}
          onChange={(e) => update({ availabilityZone: targetValue(e) }, ['availabilityZone'])}>
          {zoneOptions()}
        </VscodeSingleSelect>
      </Field>

      <Field id="highAvailabilityMode" label={l10n.t('High availability')} errors={errors['highAvailability.mode']}
        help={modes.length > 1 || !where ? undefined : values.tier === 'Burstable'
          ? l10n.t('High availability is not offered in the Burstable tier.')
          : l10n.t('High availability is not offered for this size in {0}.', where)}>
        <VscodeSingleSelect id="highAvailabilityMode" value={values.highAvailabilityMode} disabled={modes.length < 2}
          onChange={(e) => update({ highAvailabilityMode: targetValue(e) as FormValues['highAvailabilityMode'] }, ['highAvailability.mode'])}>
          {modes.map((m) => <VscodeOption key={m} value={m}>{HIGH_AVAILABILITY_LABELS[m]}</VscodeOption>)}
        </VscodeSingleSelect>
      </Field>

      {values.highAvailabilityMode === 'ZoneRedundant' ? (
        <Field id="standbyAvailabilityZone" label={l10n.t('Standby zone')} errors={errors['highAvailability.standbyAvailabilityZone']}>
          <VscodeSingleSelect id="standbyAvailabilityZone" value={values.standbyAvailabilityZone}
            onChange={(e) => update({ standbyAvailabilityZone: targetValue(e) }, ['highAvailability.standbyAvailabilityZone'])}>
            {zoneOptions(values.availabilityZone || undefined)}
          </VscodeSingleSelect>
        </Field>
      ) : null}

      <Field id="backupRetentionDays" label={l10n.t('Backup retention (days)')} errors={errors['backup.retentionDays']}
        help={l10n.t('{0} to {1} days.', MIN_BACKUP_RETENTION_DAYS, MAX_BACKUP_RETENTION_DAYS)}>
        <VscodeTextfield id="backupRetentionDays" type="number" value={values.backupRetentionDays} invalid={Boolean(errors['backup.retentionDays'])}
          onInput={(e) => update({ backupRetentionDays: targetValue(e) }, ['backup.retentionDays'])} />
      </Field>

      <Field id="geoRedundantBackup" label={l10n.t('Backup redundancy')} errors={errors['backup.geoRedundant']}>
        <VscodeCheckbox id="geoRedundantBackup" checked={values.geoRedundantBackup} disabled={capabilities ? !capabilities.geoBackupSupported : false}
          label={capabilities && !capabilities.geoBackupSupported ? l10n.t('Geo-redundant backup (not offered in {0})', capabilities.location) : l10n.t('Geo-redundant backup')}
          onChange={(e) => update({ geoRedundantBackup: targetChecked(e) }, ['backup.geoRedundant'])} />
      </Field>

      <Field id="storageAutoGrow" label={l10n.t('Storage growth')} errors={errors.storageAutoGrow}>
        <VscodeCheckbox id="storageAutoGrow" checked={values.storageAutoGrow} disabled={capabilities ? !capabilities.storageAutoGrowthSupported : false}
          label={capabilities && !capabilities.storageAutoGrowthSupported ? l10n.t('Storage autogrow (not offered in {0})', capabilities.location) : l10n.t('Storage autogrow')}
          onChange={(e) => update({ storageAutoGrow: targetChecked(e) }, ['storageAutoGrow'])} />
      </Field>
    </>
  );
}
