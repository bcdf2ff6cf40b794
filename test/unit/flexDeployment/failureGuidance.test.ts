import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failureGuidance, offersProviderRegistration } from '../../../machines/flexDeployment/failureGuidance';
import type { ArmErrorSummary } from '../../../machines/flexDeployment/stagedFlexProfile';

const QUOTA_PAGE = 'https://learn.microsoft.com/azure/postgresql/flexible-server/how-to-request-quota-increase';
const REGISTRATION_PAGE = 'https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-register-resource-provider';
const POLICY_PAGE = 'https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-policy-requestdisallowedbypolicy';

const guide = (code: string, location = 'westeurope', extra: Partial<ArmErrorSummary> = {}) =>
  failureGuidance({ armError: { code, message: `ARM says ${code}.`, ...extra }, location });

// Each code with what its advice must say and where its link goes (none: no link).
const TABLE: [code: string, says: RegExp[], link?: { label: string; url: string }][] = [
  ['QuotaExceeded', [/vCore quota .* in westeurope is used up/, /Request more quota/, /Retry with a smaller compute size or in another region/], { label: 'Request More Quota', url: QUOTA_PAGE }],
  ['ServerNameAlreadyExists', [/unique across all of Azure/, /Retry with another name/]],
  ['MissingSubscriptionRegistration', [/not registered for the Microsoft\.DBforPostgreSQL resource provider/, /az provider register --namespace Microsoft\.DBforPostgreSQL/], { label: 'How to Register the Provider', url: REGISTRATION_PAGE }],
  ['NoRegisteredProviderFound', [/not registered for the Microsoft\.DBforPostgreSQL resource provider/], { label: 'How to Register the Provider', url: REGISTRATION_PAGE }],
  ['SubscriptionNotRegistered', [/not registered for the Microsoft\.DBforPostgreSQL resource provider/], { label: 'How to Register the Provider', url: REGISTRATION_PAGE }],
  ['RequestDisallowedByPolicy', [/^An Azure Policy assignment denies this server\./, /Retry with settings the policy allows/], { label: 'About Policy Denials', url: POLICY_PAGE }],
  ['SkuNotAvailable', [/compute size is not offered in westeurope/, /Retry: the form lists the other locations that offer it/]],
  ['RegionDoesNotAllowProvisioning', [/^westeurope does not accept new servers/, /Retry in another region/], { label: 'Request Region Access', url: QUOTA_PAGE }],
  ['InvalidParameter', [/refused one of the server's settings/, /Retry and change that setting/]],
  ['InvalidParameterValue', [/refused one of the server's settings/, /Retry and change that setting/]],
  ['Conflict', [/current state/, /Wait until it ends, then Retry/]],
  ['InternalServerError', [/^This is a temporary problem on Azure's side\. Retry\.$/]],
];

describe('failureGuidance: every known code', () => {
  it.each(TABLE)('%s', (code, says, link) => {
    const guidance = guide(code);
    for (const pattern of says) expect(guidance?.advice).toMatch(pattern);
    expect(guidance?.link).toEqual(link);
  });

  it('no two kinds of failure share advice, so a dropped or swapped entry shows', () => {
    const advices = new Set(TABLE.map(([code]) => guide(code)?.advice));
    // The three registration codes share one, as do the two invalid-parameter codes.
    expect(advices.size).toBe(TABLE.length - 3);
  });

  it('offers to register the provider for the registration codes, and for no other', () => {
    const registration = ['MissingSubscriptionRegistration', 'NoRegisteredProviderFound', 'SubscriptionNotRegistered'];
    for (const [code] of TABLE) {
      expect(guide(code)?.action).toBe(registration.includes(code) ? 'registerProvider' : undefined);
      expect(offersProviderRegistration(code)).toBe(registration.includes(code));
    }
    expect(offersProviderRegistration('constructor')).toBe(false);
  });

  it("names the deployment's own region for quota, SKU and region refusals", () => {
    for (const code of ['QuotaExceeded', 'SkuNotAvailable', 'RegionDoesNotAllowProvisioning']) {
      expect(guide(code, 'swedencentral')?.advice).toContain('swedencentral');
      expect(guide(code, 'swedencentral')?.advice).not.toContain('westeurope');
    }
  });
});

describe('failureGuidance: a temporary error', () => {
  it('is one advice for every temporary code, saying how often it was tried once it was sent again', () => {
    for (const code of ['InternalServerError', 'GatewayTimeout', 'ServerIsBusy', 'OperationTimedOut']) {
      expect(guide(code)?.advice).toBe("This is a temporary problem on Azure's side. Retry.");
      const tried = failureGuidance({ armError: { code, message: 'x' }, location: 'eastus', transientRetry: { failedAttempts: 2 } });
      expect(tried?.advice).toBe("This is a temporary problem on Azure's side; the deployment was tried 3 times. Retry in a few minutes.");
    }
    // Not a temporary code: the earlier attempts change nothing in its own advice.
    expect(failureGuidance({ armError: { code: 'QuotaExceeded', message: 'x' }, location: 'eastus', transientRetry: { failedAttempts: 2 } })?.advice).toBe(guide('QuotaExceeded', 'eastus')?.advice);
  });
});

describe('failureGuidance: a policy denial names the policy ARM names', () => {
  const policy = (policyViolation: ArmErrorSummary['policyViolation']) => guide('RequestDisallowedByPolicy', 'eastus', { policyViolation })?.advice;

  it('assignment and definition', () => {
    expect(policy({ assignment: 'Allowed locations for prod', definition: 'Allowed locations' })).toMatch(
      /^An Azure Policy assignment \('Allowed locations for prod', policy 'Allowed locations'\) denies this server\./,
    );
  });

  it('assignment only, definition only, neither', () => {
    expect(policy({ assignment: 'No public access' })).toMatch(/^An Azure Policy assignment \('No public access'\) denies this server\./);
    expect(policy({ definition: 'Allowed locations' })).toMatch(/^An Azure Policy assignment \(policy 'Allowed locations'\) denies this server\./);
    expect(policy(undefined)).toMatch(/^An Azure Policy assignment denies this server\./);
  });
});

describe('failureGuidance: nothing to say', () => {
  it('without an ARM error (a PUT never answered, a migrated record)', () => {
    expect(failureGuidance({ location: 'eastus' })).toBeUndefined();
  });

  it('for an outer code whose inner code is unknown: only the innermost code is read', () => {
    expect(guide('DeploymentFailed')).toBeUndefined();
    expect(guide('RegionIsOfferRestricted')).toBeUndefined();
  });

  it("for codes that are only Object's own properties", () => {
    for (const code of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(guide(code)).toBeUndefined();
  });

  it('for any code not in the table, without throwing (property)', () => {
    const known = new Set(TABLE.map(([code]) => code));
    fc.assert(
      fc.property(fc.string().filter((code) => !known.has(code)), fc.string(), fc.string(), (code, message, location) => {
        expect(failureGuidance({ armError: { code, message }, location })).toBeUndefined();
      }),
    );
  });
});

describe('failureGuidance: advice is built from the code, the region and the policy names only', () => {
  const text = fc.string({ minLength: 1 });
  const summary = (code: string) =>
    fc.record(
      {
        code: fc.constant(code),
        message: fc.string(),
        chain: fc.array(fc.record({ code: fc.string(), message: fc.string(), target: fc.string() }, { requiredKeys: ['code', 'message'] })),
        policyViolation: fc.record({ assignment: text, definition: text }, { requiredKeys: [] }),
      },
      { requiredKeys: ['code', 'message'] },
    );

  it('whatever else the error carries (messages, targets, chain) changes nothing, so no typed secret can come back', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TABLE.map(([code]) => code)).chain(summary), fc.string(), (error, location) => {
        const bare = { code: error.code, message: '', ...(error.policyViolation ? { policyViolation: error.policyViolation } : {}) };
        expect(failureGuidance({ armError: error, location })).toEqual(failureGuidance({ armError: bare, location }));
      }),
    );
  });

  it("never contains a password that is not the region's or the policy's name", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TABLE.map(([code]) => code)).chain(summary),
        fc.string(),
        fc.string({ minLength: 8 }).map((s) => `Pw!${s}`),
        (error, location, password) => {
          fc.pre(![location, error.policyViolation?.assignment, error.policyViolation?.definition].some((named) => named?.includes(password)));
          // The password is everywhere a careless implementation could pick it up.
          const leaky: ArmErrorSummary = { ...error, message: `login failed for password ${password}`, chain: [{ code: error.code, message: password, target: password }] };
          const guidance = failureGuidance({ armError: leaky, location });
          expect(guidance?.advice).not.toContain(password);
          expect(guidance?.link?.url ?? '').not.toContain(password);
        },
      ),
    );
  });
});
