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
  const where = capabilities?.location ?? 'this location';
  const zoneOptions = (exclude?: string) => ['', ...zones.filter((z) => z !== exclude)].map((z) => (
    <VscodeOption key={z} value={z}>{zoneLabel(z)}</VscodeOption>
  ));

  return (
    <>
      <Field id="availabilityZone" label="Availability zone" errors={errors.availabilityZone}
        help={zones.length ? undefined : `${where} offers no zone choice for this size.`}>
        <VscodeSingleSelect id="availabilityZone" value={values.availabilityZone} disabled={!zones.length}
          onChange={(e) => update({ availabilityZone: targetValue(e) }, ['availabilityZone'])}>
          {zoneOptions()}
        </VscodeSingleSelect>
      </Field>

      <Field id="highAvailabilityMode" label="High availability" errors={errors['highAvailability.mode']}
        help={modes.length > 1 ? undefined : values.tier === 'Burstable'
          ? 'High availability is not offered in the Burstable tier.'
          : `High availability is not offered for this size in ${where}.`}>
        <VscodeSingleSelect id="highAvailabilityMode" value={values.highAvailabilityMode} disabled={modes.length < 2}
          onChange={(e) => update({ highAvailabilityMode: targetValue(e) as FormValues['highAvailabilityMode'] }, ['highAvailability.mode'])}>
          {modes.map((m) => <VscodeOption key={m} value={m}>{HIGH_AVAILABILITY_LABELS[m]}</VscodeOption>)}
        </VscodeSingleSelect>
      </Field>

      {values.highAvailabilityMode === 'ZoneRedundant' ? (
        <Field id="standbyAvailabilityZone" label="Standby zone" errors={errors['highAvailability.standbyAvailabilityZone']}>
          <VscodeSingleSelect id="standbyAvailabilityZone" value={values.standbyAvailabilityZone}
            onChange={(e) => update({ standbyAvailabilityZone: targetValue(e) }, ['highAvailability.standbyAvailabilityZone'])}>
            {zoneOptions(values.availabilityZone || undefined)}
          </VscodeSingleSelect>
        </Field>
      ) : null}

      <Field id="backupRetentionDays" label="Backup retention (days)" errors={errors['backup.retentionDays']}
        help={`${MIN_BACKUP_RETENTION_DAYS} to ${MAX_BACKUP_RETENTION_DAYS} days.`}>
        <VscodeTextfield id="backupRetentionDays" type="number" value={values.backupRetentionDays} invalid={Boolean(errors['backup.retentionDays'])}
          onInput={(e) => update({ backupRetentionDays: targetValue(e) }, ['backup.retentionDays'])} />
      </Field>

      <Field id="geoRedundantBackup" label="Backup redundancy" errors={errors['backup.geoRedundant']}>
        <VscodeCheckbox id="geoRedundantBackup" checked={values.geoRedundantBackup} disabled={capabilities ? !capabilities.geoBackupSupported : false}
          label={capabilities && !capabilities.geoBackupSupported ? `Geo-redundant backup (not offered in ${where})` : 'Geo-redundant backup'}
          onChange={(e) => update({ geoRedundantBackup: targetChecked(e) }, ['backup.geoRedundant'])} />
      </Field>

      <Field id="storageAutoGrow" label="Storage growth" errors={errors.storageAutoGrow}>
        <VscodeCheckbox id="storageAutoGrow" checked={values.storageAutoGrow} disabled={capabilities ? !capabilities.storageAutoGrowthSupported : false}
          label={capabilities && !capabilities.storageAutoGrowthSupported ? `Storage autogrow (not offered in ${where})` : 'Storage autogrow'}
          onChange={(e) => update({ storageAutoGrow: targetChecked(e) }, ['storageAutoGrow'])} />
      </Field>
    </>
  );
}
