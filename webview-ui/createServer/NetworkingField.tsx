import * as l10n from '../../machines/l10n';
import { VscodeCheckbox, VscodeRadio, VscodeRadioGroup } from '../elements';
import type { ValidationErrors } from '../../machines/flexDeployment/createServerRequest';
import { NETWORK_ACCESS_MODES } from '../../machines/flexDeployment/networking';
import { NETWORK_ACCESS_LABELS } from '../../machines/webview/displayNames';
import { Field, targetChecked } from './Field';
import { FirewallRangesField } from './FirewallRangesField';
import type { FormValues } from './formValues';

export interface NetworkingFieldProps {
  values: FormValues;
  /** The address Azure sees this computer at, once detected. */
  clientIp?: string;
  errors: ValidationErrors;
  update: (patch: Partial<FormValues>, fields: string[]) => void;
}

/** Public access with the firewall's rules, or none; the rules show only with public access. */
export function NetworkingField({ values, clientIp, errors, update }: NetworkingFieldProps) {
  return (
    <>
      <Field id="networkAccess" label={l10n.t('Network access')} errors={[...(errors.networkAccess ?? []), ...(errors.firewall ?? [])]}>
        <div className="field-controls">
          <VscodeRadioGroup id="networkAccess">
            {NETWORK_ACCESS_MODES.map((mode) => (
              <VscodeRadio key={mode} name="networkAccess" value={mode} label={NETWORK_ACCESS_LABELS[mode]} checked={values.networkAccess === mode}
                onChange={() => update({ networkAccess: mode }, ['networkAccess'])} />
            ))}
          </VscodeRadioGroup>
          {/* The sandbox cannot list VNets and subnets as ARM does, so the form offers no private access. */}
          <p className="field-note" id="networkAccess-private">{l10n.t('Private access through a virtual network (VNet) is not offered here yet; you can set it up in the Azure portal.')}</p>
        </div>
      </Field>

      {values.networkAccess === 'Public' ? (
        <Field id="firewall" label={l10n.t('Firewall rules')} errors={errors['firewall.clientIp']}>
          <div className="field-controls firewall-rules">
            <VscodeCheckbox id="addClientIp" checked={values.addClientIp} disabled={!clientIp}
              label={clientIp ? l10n.t('Add my client IP address ({0})', clientIp) : l10n.t('Add my client IP address (not detected)')}
              onChange={(e) => update({ addClientIp: targetChecked(e) }, ['firewall.clientIp'])} />
            <VscodeCheckbox id="allowAzureServices" checked={values.allowAzureServices}
              label={l10n.t('Allow public access from Azure services within Azure to this server')}
              onChange={(e) => update({ allowAzureServices: targetChecked(e) }, [])} />
            <FirewallRangesField ranges={values.firewallRanges} errors={errors} onChange={(firewallRanges, touched) => update({ firewallRanges }, touched)} />
          </div>
        </Field>
      ) : null}
    </>
  );
}
