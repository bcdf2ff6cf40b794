import * as l10n from '../../machines/l10n';
import { useEffect } from 'react';
import {
  VscodeButton,
  VscodeOption,
  VscodeRadio,
  VscodeRadioGroup,
  VscodeSingleSelect,
  VscodeTextfield,
} from '../elements';
import type { WebviewHost } from '../webviewHost';
import { CostEstimateView } from './CostEstimateView';
import { AUTHENTICATION_LABELS, postgresVersionLabel, skuLabel, TIER_LABELS } from '../../machines/webview/displayNames';
import { Field, targetValue } from './Field';
import { withAuthenticationMode, type FormValues } from './formValues';
import { NetworkingField } from './NetworkingField';
import { PasswordField } from './PasswordField';
import { ProviderRegistrationOffer } from './ProviderRegistrationOffer';
import { ReviewStep } from './ReviewStep';
import { reviewSummary } from './reviewSummary';
import { ServerOptionsFields } from './ServerOptionsFields';
import { StorageTierField } from './StorageTierField';
import { TagsField } from './TagsField';
import { useCreateServerForm } from './useCreateServerForm';
import { markOnce } from '../performanceMark';
import { CREATE_FORM_MARKS } from '../../machines/webview/createFormMarks';
import { flexServerHostName } from '../../machines/flexDeployment/serverHostName';
import { GuidanceNote } from './GuidanceNote';
import { EntraAdminField } from './EntraAdminField';
import { NameSuggestions } from './NameSuggestions';
import { RegionsOffering } from './RegionsOffering';
import { useRegionSearch } from './useRegionSearch';
import { workloadPresetValues } from './workloadPresets';
import { WORKLOAD_TYPE_LABELS, WORKLOAD_TYPES } from './workloadType';

const AUTHENTICATION_MODES = Object.keys(AUTHENTICATION_LABELS) as FormValues['authenticationMode'][];

/**
 * The create form, then its review: every choice comes from Azure through the host; the shared
 * schema names each broken rule. The form stays mounted under the review, hidden, so that Back
 * finds the password boxes as they were typed (they are uncontrolled, see PasswordField).
 */
export function CreateServerForm({ host }: { host: WebviewHost }) {
  const {
    values, catalog, subscriptionsListed, reviewed, errors, failure, availability, nameNotice, nameSuggestions, submitting, filling, template, providerRegistration, sizeNotice,
    update, chooseName, review, back, create, saveTemplate, registerProvider, searchEntraAdministrators,
  } = useCreateServerForm(host);
  const regionSearch = useRegionSearch(host);
  // After the commit that first shows the fields (effects run once the DOM is updated).
  useEffect(() => {
    if (values) markOnce(CREATE_FORM_MARKS.interactive);
  }, [values]);
  // Only until the host's first message, which needs no catalog call.
  if (!values) return <main aria-busy="true">{l10n.t('Loading…')}</main>;

  const tier = catalog.capabilities?.tiers.find((t) => t.tier === values.tier);
  const usesPassword = values.authenticationMode !== 'EntraOnly';
  const usesEntra = values.authenticationMode !== 'PostgreSQLOnly';
  const nameChecked = availability?.serverName === values.serverName && availability.available;
  const errorsOf = (...fields: string[]) => fields.flatMap((field) => errors[field] ?? []);

  return (
    <>
    {reviewed ? (
      <ReviewStep sections={reviewSummary(reviewed, catalog)} submitting={submitting} failure={failure} template={template} onBack={back} onCreate={create} onSaveTemplate={saveTemplate}>
        <CostEstimateView request={reviewed} catalog={catalog} />
      </ReviewStep>
    ) : null}
    <main className="create-form" hidden={Boolean(reviewed)}>
      <h1>{l10n.t('Create Azure Database for PostgreSQL Flexible Server')}</h1>
      {failure ? <p className="form-failure" role="alert">{failure}</p> : null}
      {providerRegistration ? <ProviderRegistrationOffer registration={providerRegistration} onRegister={registerProvider} /> : null}

      <Field id="subscriptionId" label={l10n.t('Subscription')} errors={errorsOf('subscriptionId', 'tenantId')}>
        {catalog.subscriptions.length > 0 ? (
          <VscodeSingleSelect id="subscriptionId" value={values.subscriptionId}
            onChange={(e) => update({ subscriptionId: targetValue(e), resourceGroupName: '', location: '' }, ['subscriptionId'])}>
            {catalog.subscriptions.map((s) => (
              <VscodeOption key={s.subscriptionId} value={s.subscriptionId}>{s.displayName}</VscodeOption>
            ))}
          </VscodeSingleSelect>
        ) : (
          // The other fields take input meanwhile; what they list follows the subscription.
          <VscodeSingleSelect id="subscriptionId" disabled aria-busy={!subscriptionsListed && !failure}>
            <VscodeOption value="">{subscriptionsPlaceholder(subscriptionsListed, failure)}</VscodeOption>
          </VscodeSingleSelect>
        )}
      </Field>

      <Field id="resourceGroupName" label={l10n.t('Resource group')} errors={errorsOf('resourceGroup.name', 'resourceGroup.location')}>
        <VscodeRadioGroup>
          <VscodeRadio name="resourceGroupMode" value="existing" label={l10n.t('Use existing')} checked={values.resourceGroupMode === 'existing'}
            onChange={() => update({ resourceGroupMode: 'existing', resourceGroupName: '' }, [])} />
          <VscodeRadio name="resourceGroupMode" value="new" label={l10n.t('Create new')} checked={values.resourceGroupMode === 'new'}
            onChange={() => update({ resourceGroupMode: 'new', resourceGroupName: '' }, [])} />
        </VscodeRadioGroup>
        {values.resourceGroupMode === 'existing' ? (
          <VscodeSingleSelect id="resourceGroupName" value={values.resourceGroupName}
            onChange={(e) => update({ resourceGroupName: targetValue(e) }, ['resourceGroup.name'])}>
            <VscodeOption value="">{l10n.t('Choose a resource group')}</VscodeOption>
            {catalog.resourceGroups.map((g) => <VscodeOption key={g.name} value={g.name}>{g.name}</VscodeOption>)}
          </VscodeSingleSelect>
        ) : (
          <VscodeTextfield id="resourceGroupName" value={values.resourceGroupName} invalid={Boolean(errors['resourceGroup.name'])}
            onInput={(e) => update({ resourceGroupName: targetValue(e) }, ['resourceGroup.name'])} />
        )}
      </Field>

      <Field id="serverName" label={l10n.t('Server name')} errors={errors.serverName}
        help={nameChecked ? l10n.t('{0} is available.', flexServerHostName(values.serverName)) : undefined}>
        <VscodeTextfield id="serverName" value={values.serverName} invalid={Boolean(errors.serverName)}
          onInput={(e) => update({ serverName: targetValue(e) }, ['serverName'])} />
        <GuidanceNote id="serverName-notice" guidance={nameNotice} />
        <NameSuggestions names={nameSuggestions} onChoose={chooseName} />
      </Field>

      <Field id="location" label={l10n.t('Location')} errors={errors.location}>
        <VscodeSingleSelect id="location" value={values.location}
          onChange={(e) => update({ location: targetValue(e) }, ['location'])}>
          <VscodeOption value="">{l10n.t('Choose a location')}</VscodeOption>
          {catalog.locations.map((l) => <VscodeOption key={l.name} value={l.name}>{l.displayName}</VscodeOption>)}
        </VscodeSingleSelect>
        <RegionsOffering search={regionSearch} locations={catalog.locations} chosen={values.location}
          onChoose={(location) => update({ location }, ['location'])} />
      </Field>

      <Field id="version" label={l10n.t('PostgreSQL version')} errors={errors.version}>
        <VscodeSingleSelect id="version" value={values.version} onChange={(e) => update({ version: targetValue(e) }, ['version'])}>
          {(catalog.capabilities?.versions ?? []).map((v) => <VscodeOption key={v} value={v}>{postgresVersionLabel(v)}</VscodeOption>)}
        </VscodeSingleSelect>
      </Field>

      <Field id="workloadType" label={l10n.t('Workload type')}
        help={l10n.t('Fills compute, storage, high availability and backup with defaults for the workload, as far as the location offers them; each stays yours to change.')}>
        <VscodeSingleSelect id="workloadType" value={values.workloadType} disabled={!catalog.capabilities}
          onChange={(e) => {
            const type = WORKLOAD_TYPES.find((t) => t === targetValue(e));
            if (type && catalog.capabilities) update(workloadPresetValues(type, values, catalog.capabilities), ['workloadType']);
          }}>
          <VscodeOption value="">{l10n.t('Custom')}</VscodeOption>
          {WORKLOAD_TYPES.map((t) => <VscodeOption key={t} value={t}>{WORKLOAD_TYPE_LABELS[t]}</VscodeOption>)}
        </VscodeSingleSelect>
      </Field>

      <Field id="tier" label={l10n.t('Compute tier')} errors={errors.tier}>
        <VscodeSingleSelect id="tier" value={values.tier} onChange={(e) => update({ tier: targetValue(e) }, ['tier'])}>
          {(catalog.capabilities?.tiers ?? []).map((t) => <VscodeOption key={t.tier} value={t.tier}>{TIER_LABELS[t.tier] ?? t.tier}</VscodeOption>)}
        </VscodeSingleSelect>
      </Field>

      <Field id="skuName" label={l10n.t('Compute size')} errors={errors.skuName}>
        <VscodeSingleSelect id="skuName" value={values.skuName} onChange={(e) => update({ skuName: targetValue(e) }, ['skuName'])}>
          {(tier?.skus ?? []).map((s) => (
            <VscodeOption key={s.name} value={s.name}>{skuLabel(s)}</VscodeOption>
          ))}
        </VscodeSingleSelect>
        <GuidanceNote id="skuName-notice" guidance={sizeNotice} />
      </Field>

      <Field id="storageSizeGB" label={l10n.t('Storage size')} errors={errors.storageSizeGB}>
        <VscodeSingleSelect id="storageSizeGB" value={values.storageSizeGB}
          onChange={(e) => update({ storageSizeGB: targetValue(e) }, ['storageSizeGB'])}>
          {(tier?.storageSizesGB ?? []).map((gb) => <VscodeOption key={gb} value={String(gb)}>{l10n.t('{0} GiB', gb)}</VscodeOption>)}
        </VscodeSingleSelect>
      </Field>

      <StorageTierField values={values} capabilities={catalog.capabilities} errors={errors} update={update} />

      <ServerOptionsFields values={values} capabilities={catalog.capabilities} errors={errors} update={update} />

      <Field id="authenticationMode" label={l10n.t('Authentication')} errors={errors.authenticationMode}>
        <VscodeRadioGroup id="authenticationMode">
          {AUTHENTICATION_MODES.map((mode) => (
            <VscodeRadio key={mode} name="authenticationMode" value={mode} label={AUTHENTICATION_LABELS[mode]}
              checked={values.authenticationMode === mode}
              onChange={() => update(withAuthenticationMode(mode), ['authenticationMode'])} />
          ))}
        </VscodeRadioGroup>
      </Field>

      {usesEntra ? (
        <EntraAdminField subscriptionId={values.subscriptionId} signedIn={catalog.entraAdmin} chosen={values.entraAdmin} search={catalog.entraSearch}
          errors={errors.entraAdmin} onSearch={searchEntraAdministrators} onChoose={(entraAdmin) => update({ entraAdmin }, ['entraAdmin'])} />
      ) : null}

      {usesPassword ? (
        <>
          <Field id="adminLogin" label={l10n.t('Admin login')} errors={errors.adminLogin}>
            <VscodeTextfield id="adminLogin" value={values.adminLogin} invalid={Boolean(errors.adminLogin)}
              onInput={(e) => update({ adminLogin: targetValue(e) }, ['adminLogin'])} />
          </Field>
          <Field id="adminPassword" label={l10n.t('Password')} errors={errors.adminPassword}>
            {/* Keyed by the filling: the boxes keep what was typed in the DOM, and a refilled form starts empty. */}
            <PasswordField key={filling} id="adminPassword" invalid={Boolean(errors.adminPassword)}
              onInput={(adminPassword) => update({ adminPassword }, ['adminPassword'])} />
          </Field>
          <Field id="confirmPassword" label={l10n.t('Confirm password')} errors={errors.confirmPassword}>
            <PasswordField key={filling} id="confirmPassword" invalid={Boolean(errors.confirmPassword)}
              onInput={(confirmPassword) => update({ confirmPassword }, ['confirmPassword'])} />
          </Field>
        </>
      ) : null}

      <NetworkingField values={values} clientIp={catalog.clientIp} errors={errors} update={update} />

      <TagsField tags={values.tags} errors={errors} onChange={(tags, touched) => update({ tags }, touched)} />

      <VscodeButton onClick={review}>{l10n.t('Review + create')}</VscodeButton>
    </main>
    </>
  );
}

/** What the subscription box says while it has no subscription to offer. */
function subscriptionsPlaceholder(listed: boolean, failure: string | undefined): string {
  if (listed) return l10n.t('No subscriptions: this account has none you can use');
  return failure ? l10n.t('Subscriptions not listed (see above)') : l10n.t('Loading your Azure subscriptions…');
}
