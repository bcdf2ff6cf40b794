import * as l10n from '../../machines/l10n';
import { VscodeOption, VscodeSingleSelect } from '../elements';
import type { FlexCapabilities } from '../../machines/flexDeployment/catalog';
import type { ValidationErrors } from '../../machines/flexDeployment/createServerRequest';
import { offeredStorageTiers } from '../../machines/flexDeployment/offeredOptions';
import { storageTierLabel } from '../../machines/webview/displayNames';
import { Field, targetValue } from './Field';
import type { FormValues } from './formValues';

export interface StorageTierFieldProps {
  values: FormValues;
  capabilities?: FlexCapabilities;
  errors: ValidationErrors;
  update: (patch: Partial<FormValues>, fields: string[]) => void;
}

/**
 * The storage's performance tier, as the portal offers it: only where the location lists more than
 * one for the chosen size; '' (the size's default) shows as that default.
 */
export function StorageTierField({ values, capabilities, errors, update }: StorageTierFieldProps) {
  const sizeTiers = offeredStorageTiers(capabilities, values.tier, Number(values.storageSizeGB));
  if (!sizeTiers || (sizeTiers.tiers.length < 2 && !errors.storageTier)) return null;
  return (
    <Field id="storageTier" label={l10n.t('Performance tier')} errors={errors.storageTier}
      help={l10n.t('A higher tier gives the disk more IOPS without more storage; the estimate does not price it.')}>
      <VscodeSingleSelect id="storageTier" value={values.storageTier || sizeTiers.defaultTier}
        onChange={(e) => update({ storageTier: targetValue(e) }, ['storageTier'])}>
        {sizeTiers.tiers.map((t) => (
          <VscodeOption key={t.name} value={t.name}>
            {t.name === sizeTiers.defaultTier ? l10n.t('{0}, the default for this size', storageTierLabel(t.name, t.iops)) : storageTierLabel(t.name, t.iops)}
          </VscodeOption>
        ))}
      </VscodeSingleSelect>
    </Field>
  );
}
