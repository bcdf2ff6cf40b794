import * as l10n from '../../machines/l10n';
import { useEffect, useMemo, useRef, useState } from 'react';
import { serverNameSchema, validateCreateServerRequest, type ValidationErrors } from '../../machines/flexDeployment/createServerRequest';
import { unofferedOptions } from '../../machines/flexDeployment/offeredOptions';
import { serverOptionsSchema } from '../../machines/flexDeployment/serverOptions';
import { resourceGroupChoiceError } from '../../machines/flexDeployment/resourceGroupChoice';
import type { UnregisteredProvider } from '../../machines/webview/createServerMessages';
import type { HostMessage } from '../../machines/webview/protocol';
import { onHostMessage, type WebviewHost } from '../webviewHost';
import { markOnce } from '../performanceMark';
import { CREATE_FORM_MARKS } from '../../machines/webview/createFormMarks';
import { fitToCapabilities, fitToSize, fitToTier, initialValues, toRequestInput, type FormCatalog, type FormValues } from './formValues';
import { sizeAfterQuota, type QuotaRetry, type SizeNotice } from './quotaRetry';
import { takenNameNotice, type RetriedName } from './takenName';

/** How long typing must pause before the name is checked with Azure. */
export const NAME_CHECK_DEBOUNCE_MS = 400;

type Availability = { serverName: string; available: boolean; message?: string };
type Suggestions = { serverName: string; suggestions: string[] };

type HostAnswer<T extends HostMessage['type']> = Omit<Extract<HostMessage, { type: T }>, 'type'>;

/** What became of the last "Save as Template": where it went and how to deploy it, or why not. */
export type TemplateOutcome = ({ saved: true } & HostAnswer<'review.templateSaved'>) | ({ saved: false } & HostAnswer<'review.templateNotSaved'>);

/** A subscription the host found not registered for the provider, and whether its registration was asked for. */
export interface ProviderRegistrationState {
  provider: UnregisteredProvider;
  registering: boolean;
}

/** The create form's state: values, Azure's choices, errors from the schema and from the host. */
export function useCreateServerForm(host: WebviewHost) {
  const [catalog, setCatalog] = useState<FormCatalog>({ subscriptions: [], resourceGroups: [], locations: [] });
  const [values, setValues] = useState<FormValues | undefined>();
  /** Whether this filling's subscriptions have been listed (the list may be empty). */
  const [subscriptionsListed, setSubscriptionsListed] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  /** The form, or the review of its choices that Create is pressed from. */
  const [step, setStep] = useState<'form' | 'review'>('form');
  const [hostErrors, setHostErrors] = useState<ValidationErrors>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [availability, setAvailability] = useState<Availability | undefined>();
  const [suggested, setSuggested] = useState<Suggestions | undefined>();
  /** The name a Retry refilled the form with, and what became of it. */
  const [retriedName, setRetriedName] = useState<RetriedName | undefined>();
  const [template, setTemplate] = useState<TemplateOutcome | undefined>();
  /** Counts the host's form.init messages: each one starts the form afresh (a Retry refills it). */
  const [filling, setFilling] = useState(0);
  const [registration, setRegistration] = useState<ProviderRegistrationState | undefined>();
  /** Counts registrations that completed: Azure's choices are read again after each, typed values kept. */
  const [reloads, setReloads] = useState(0);
  /** A retry after the vCore quota ran out, until the failed location's capabilities say what is smaller. */
  const quotaRetry = useRef<QuotaRetry | undefined>(undefined);
  const [sizeNotice, setSizeNotice] = useState<SizeNotice | undefined>();
  /** Until the user sets the checkbox: then a client IP detected later leaves it as it is. */
  const addsDetectedClientIp = useRef(false);

  useEffect(
    () =>
      onHostMessage((message: HostMessage) => {
        switch (message.type) {
          case 'form.init': {
            setCatalog({ subscriptions: [], resourceGroups: [], locations: [] });
            setSubscriptionsListed(false);
            setValues(initialValues(message.prefill));
            // A Retry's firewall choice stands; without one, the client IP is added once detected.
            addsDetectedClientIp.current = message.prefill?.firewall === undefined;
            setTouched(new Set());
            setSubmitted(false);
            setSubmitting(false);
            setStep('form');
            setHostErrors({});
            setFailure(undefined);
            setAvailability(undefined);
            setSuggested(undefined);
            setRetriedName(message.prefill?.retriedName);
            setTemplate(undefined);
            setRegistration(undefined);
            setFilling((n) => n + 1);
            const quota = message.prefill?.quotaExceeded;
            quotaRetry.current = quota ? { ...quota, tier: message.prefill?.tier ?? '' } : undefined;
            setSizeNotice(undefined);
            return;
          }
          case 'catalog.subscriptions': {
            markOnce(CREATE_FORM_MARKS.subscriptionsArrived);
            const { subscriptions } = message;
            setCatalog((c) => ({ ...c, subscriptions }));
            setSubscriptionsListed(true);
            // The first subscription, unless one was prefilled or chosen meanwhile.
            setValues((v) => (v && !v.subscriptionId ? { ...v, subscriptionId: subscriptions[0]?.subscriptionId ?? '' } : v));
            return;
          }
          case 'catalog.clientIp': {
            const { clientIp } = message;
            setCatalog((c) => ({ ...c, clientIp }));
            if (addsDetectedClientIp.current) setValues((v) => (v ? { ...v, addClientIp: true } : v));
            return;
          }
          case 'catalog.subscriptionChoices':
            setCatalog((c) => ({ ...c, resourceGroups: message.resourceGroups, locations: message.locations, entraAdmin: message.entraAdmin, entraSearch: undefined }));
            // Another subscription may be another tenant: an administrator found in the last one is no choice.
            setValues((v) => (v?.entraAdmin ? { ...v, entraAdmin: undefined } : v));
            return;
          case 'catalog.entraAdministrators': {
            const { type: _type, ...entraSearch } = message;
            setCatalog((c) => ({ ...c, entraSearch }));
            return;
          }
          case 'catalog.capabilities': {
            setCatalog((c) => ({ ...c, capabilities: message.capabilities }));
            // Once per filling: after that the size is the user's to change.
            const retry = quotaRetry.current?.location === message.location ? quotaRetry.current : undefined;
            const suggested = retry ? sizeAfterQuota(retry, message.capabilities) : undefined;
            if (suggested) {
              quotaRetry.current = undefined;
              setSizeNotice(suggested.notice);
            }
            setValues((v) => {
              if (!v || v.location !== message.location) return v;
              const fitted = fitToCapabilities(v, message.capabilities);
              const smaller = suggested?.skuName && fitted.tier === retry?.tier ? suggested.skuName : undefined;
              return smaller ? fitToSize({ ...fitted, skuName: smaller }, message.capabilities) : fitted;
            });
            return;
          }
          case 'catalog.prices':
            setCatalog((c) => ({ ...c, prices: { location: message.location, items: message.prices } }));
            return;
          case 'catalog.pricesUnavailable':
            setCatalog((c) => ({ ...c, prices: { location: message.location, unavailable: message.message } }));
            return;
          case 'catalog.failed': {
            setFailure(message.message);
            // An answer to a registration that names no provider withdraws the offer (no permission).
            const provider = message.unregisteredProvider;
            setRegistration((r) => (provider ? { provider, registering: false } : r?.registering ? undefined : r));
            return;
          }
          case 'catalog.providerRegistered':
            setFailure(undefined);
            setRegistration(undefined);
            setReloads((n) => n + 1);
            return;
          case 'form.serverNameAvailability':
            setAvailability(message);
            return;
          case 'form.serverNameSuggestions':
            setSuggested({ serverName: message.serverName, suggestions: message.suggestions });
            return;
          case 'review.templateSaved':
            setTemplate({ saved: true, folder: message.folder, files: message.files, commands: message.commands });
            return;
          case 'review.templateNotSaved':
            setTemplate({ saved: false, message: message.message });
            return;
          case 'form.rejected':
            setSubmitting(false);
            setStep('form');
            setHostErrors(message.errors);
            setFailure(message.message);
            return;
        }
      }),
    [],
  );

  // Azure's choices follow the subscription and the location, and are asked for again with each
  // filling: form.init starts from an empty catalog, whatever subscription and location it keeps.
  // Asked of the host only once it has listed the subscriptions: it answers only for those it
  // offered, and a Retry's prefilled subscription is there before the list.
  const subscriptionId = subscriptionsListed ? values?.subscriptionId : undefined;
  const location = values?.location;
  useEffect(() => {
    if (subscriptionId) host.postMessage({ type: 'form.subscriptionSelected', subscriptionId });
  }, [host, subscriptionId, filling, reloads]);
  useEffect(() => {
    if (subscriptionId && location) host.postMessage({ type: 'form.locationSelected', subscriptionId, location });
  }, [host, subscriptionId, location, filling, reloads]);

  const serverName = values?.serverName ?? '';
  useEffect(() => {
    if (!subscriptionId || !serverNameSchema.safeParse(serverName).success) return;
    const timer = setTimeout(
      () => host.postMessage({ type: 'form.serverNameChanged', subscriptionId, serverName, ...(location ? { location } : {}) }),
      NAME_CHECK_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [host, subscriptionId, serverName, location, filling, reloads]);

  const request = useMemo(() => (values ? toRequestInput(values, catalog) : undefined), [values, catalog]);
  const validation = useMemo(() => (request ? validateCreateServerRequest(request) : undefined), [request]);
  const broken = useMemo(() => {
    // A copy: the lists below are added to it, and the validation is kept across renders.
    const found: ValidationErrors = { ...(validation && !validation.ok ? validation.errors : {}) };
    // The subscription's groups are known here too, so a new group's name is checked as it is typed.
    const groupError = values?.resourceGroupMode === 'new'
      ? resourceGroupChoiceError({ name: values.resourceGroupName, isNew: true }, catalog.resourceGroups)
      : undefined;
    if (groupError) found['resourceGroup.name'] = [...(found['resourceGroup.name'] ?? []), groupError];
    // What the location offers is known here too: every option it lacks is named with the rest.
    const options = request ? serverOptionsSchema.safeParse(request) : undefined;
    if (options?.success && values && catalog.capabilities) {
      for (const [field, messages] of Object.entries(unofferedOptions({ ...options.data, tier: values.tier, skuName: values.skuName, storageSizeGB: Number(values.storageSizeGB), location: values.location }, catalog.capabilities))) {
        found[field] = [...(found[field] ?? []), ...messages];
      }
    }
    return found;
  }, [validation, request, values, catalog]);

  const errors: ValidationErrors = {};
  for (const [field, messages] of Object.entries(broken)) {
    if (submitted || touched.has(field)) errors[field] = messages;
  }
  const nameTaken = availability?.serverName === serverName && !availability.available;
  if (nameTaken) errors.serverName ??= [availability.message ?? l10n.t('This server name is not available.')];
  const nameNotice = takenNameNotice(retriedName, serverName, nameTaken);
  // Suggestions for an older name are stale the moment the user types on.
  const nameSuggestions = suggested?.serverName === serverName ? suggested.suggestions : [];
  Object.assign(errors, hostErrors);

  function update(patch: Partial<FormValues>, fields: string[]): void {
    setValues((v) => {
      if (!v) return v;
      const next = { ...v, ...patch };
      const capabilities = catalog.capabilities;
      if (!capabilities) return next;
      const tier = patch.tier !== undefined ? capabilities.tiers.find((t) => t.tier === patch.tier) : undefined;
      return fitToSize(tier ? { ...next, ...fitToTier(next, tier) } : next, capabilities);
    });
    setTouched((t) => new Set([...t, ...fields]));
    if ('addClientIp' in patch) addsDetectedClientIp.current = false;
    setHostErrors({});
    setFailure(undefined);
  }

  /** Every broken rule shows at once; only a request with none is reviewed. */
  function review(): void {
    setSubmitted(true);
    if (!request || Object.keys(broken).length > 0 || nameTaken) return;
    setStep('review');
  }

  /** A suggested name: filled in as if typed, so it is checked again like one. */
  function chooseName(name: string): void {
    update({ serverName: name }, ['serverName']);
  }

  function back(): void {
    setStep('form');
    setTemplate(undefined);
  }

  function saveTemplate(): void {
    if (request) host.postMessage({ type: 'review.saveTemplate', request });
  }

  function create(): void {
    if (!request || submitting) return;
    setSubmitting(true);
    host.postMessage({ type: 'form.submit', request });
  }

  /** Once per offer: the host answers with providerRegistered or a failure. */
  function registerProvider(): void {
    if (!registration || registration.registering) return;
    setRegistration({ ...registration, registering: true });
    host.postMessage({ type: 'form.registerProvider', subscriptionId: registration.provider.subscriptionId });
  }

  function searchEntraAdministrators(text: string): void {
    if (subscriptionId && text.trim()) host.postMessage({ type: 'form.searchEntraAdministrators', subscriptionId, text: text.trim() });
  }

  const reviewed = step === 'review' && validation?.ok ? validation.request : undefined;
  // The offer stands for the subscription it was made for, whatever else the user changes.
  const providerRegistration = registration && registration.provider.subscriptionId === subscriptionId ? registration : undefined;

  return {
    values, catalog, subscriptionsListed, reviewed, errors, failure, availability, nameNotice, nameSuggestions, submitting, filling, step, template, providerRegistration, sizeNotice,
    update, chooseName, review, back, create, saveTemplate, registerProvider, searchEntraAdministrators,
  };
}
