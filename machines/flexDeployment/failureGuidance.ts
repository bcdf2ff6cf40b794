import * as l10n from '../l10n';
/**
 * What a user can do about a failed deployment, keyed by ARM's error code. Shared by the failure
 * notification, View Details and the progress panel, so all three say the same thing. It reads
 * only the error's code and policy names and the deployment's region: never a message (a message
 * can echo a parameter), so nothing the user typed can come back in the advice.
 */

import type { ArmErrorSummary, PolicyViolation, TransientRetry } from './stagedFlexProfile';
import { isTransientError } from './transientErrors';
import { attemptsMade } from './transientRetry';

export interface GuidanceLink {
  label: string;
  url: string;
}

export interface FailureGuidance {
  advice: string;
  link?: GuidanceLink;
  /** Something the extension can do about it itself: register the subscription for the provider. */
  action?: 'registerProvider';
}

/** The parts of a failed deployment the guidance reads. */
export interface GuidedFailure {
  armError?: ArmErrorSummary;
  location: string;
  /** How often it was sent again after a temporary error. */
  transientRetry?: Pick<TransientRetry, 'failedAttempts'>;
}

export const QUOTA_REQUEST: GuidanceLink = {
  label: l10n.t('Request More Quota'),
  url: 'https://learn.microsoft.com/azure/postgresql/flexible-server/how-to-request-quota-increase',
};

// The same page: it also says how to ask for a region's access.
const REGION_ACCESS_REQUEST: GuidanceLink = { label: l10n.t('Request Region Access'), url: QUOTA_REQUEST.url };

const PROVIDER_REGISTRATION: GuidanceLink = {
  label: l10n.t('How to Register the Provider'),
  url: 'https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-register-resource-provider',
};

const POLICY_DENIAL: GuidanceLink = {
  label: l10n.t('About Policy Denials'),
  url: 'https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-policy-requestdisallowedbypolicy',
};

type Guide = (failure: { location: string; policy?: PolicyViolation }) => FailureGuidance;

const notRegistered: Guide = () => ({
  advice:
    l10n.t('The subscription is not registered for the Microsoft.DBforPostgreSQL resource provider. Register it (Register Provider here, the subscription\'s Resource providers page in the Azure portal, or "az provider register --namespace Microsoft.DBforPostgreSQL"), then Retry.'),
  link: PROVIDER_REGISTRATION,
  action: 'registerProvider',
});

const settingRefused: Guide = () => ({
  advice: l10n.t("Azure refused one of the server's settings; its message names which. Retry and change that setting."),
});

/**
 * Only codes found in Microsoft's documentation or in ARM's own responses are here (the sources
 * are listed in docs/failure-guidance.md); a guess would send the user the wrong way.
 */
const GUIDES: Readonly<Record<string, Guide>> = {
  QuotaExceeded: ({ location }) => ({
    advice: l10n.t("The subscription's vCore quota for PostgreSQL flexible servers in {0} is used up. Request more quota, or Retry with a smaller compute size or in another region.", location),
    link: QUOTA_REQUEST,
  }),
  ServerNameAlreadyExists: () => ({
    advice: l10n.t('Server names are unique across all of Azure, not only your subscription, and this one is taken. Retry with another name.'),
  }),
  MissingSubscriptionRegistration: notRegistered,
  NoRegisteredProviderFound: notRegistered,
  SubscriptionNotRegistered: notRegistered,
  RequestDisallowedByPolicy: ({ policy }) => ({
    advice: `${policyDenies(policy)} ${l10n.t('Retry with settings the policy allows, or ask whoever manages the policy for an exemption.')}`,
    link: POLICY_DENIAL,
  }),
  SkuNotAvailable: ({ location }) => ({
    advice: l10n.t('This compute size is not offered in {0} to your subscription. Retry: the form lists the other locations that offer it, or keep this one with another compute size.', location),
  }),
  RegionDoesNotAllowProvisioning: ({ location }) => ({
    advice: l10n.t('{0} does not accept new servers from your subscription. Retry in another region, or ask Azure support for access to this one.', location),
    link: REGION_ACCESS_REQUEST,
  }),
  InvalidParameter: settingRefused,
  InvalidParameterValue: settingRefused,
  Conflict: () => ({
    advice: l10n.t('Azure refused the request in the resource\'s current state; another operation on it may still be running. Wait until it ends, then Retry.'),
  }),
};

/** A temporary error (transientErrors.ts): what was sent again automatically is said, so a Retry is made knowingly. */
function temporary(attempts: number): FailureGuidance {
  if (attempts === 1) return { advice: l10n.t("This is a temporary problem on Azure's side. Retry.") };
  return { advice: l10n.t("This is a temporary problem on Azure's side; the deployment was tried {0} times. Retry in a few minutes.", attempts) };
}

/** ARM's codes for a subscription not registered for the provider: registering it is the way out. */
export function offersProviderRegistration(code: string): boolean {
  return Object.hasOwn(GUIDES, code) && GUIDES[code] === notRegistered;
}

export function failureGuidance(failure: GuidedFailure): FailureGuidance | undefined {
  const error = failure.armError;
  if (error && isTransientError(error)) return temporary(attemptsMade(failure));
  // An own property only: a code such as "constructor" must not reach Object's prototype.
  if (!error || !Object.hasOwn(GUIDES, error.code)) return undefined;
  return GUIDES[error.code]({ location: failure.location, policy: error.policyViolation });
}

/** The denial, naming what ARM names: the assignment and its policy, either, or neither. */
function policyDenies(policy: PolicyViolation | undefined): string {
  const { assignment, definition } = policy ?? {};
  if (assignment && definition) return l10n.t("An Azure Policy assignment ('{0}', policy '{1}') denies this server.", assignment, definition);
  if (assignment) return l10n.t("An Azure Policy assignment ('{0}') denies this server.", assignment);
  if (definition) return l10n.t("An Azure Policy assignment (policy '{0}') denies this server.", definition);
  return l10n.t('An Azure Policy assignment denies this server.');
}
