import { RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { describeArmFailure } from '../../../src/dashboard/armActionFailure';

const refusal = (statusCode: number | undefined, code: string, message = 'ARM says no.') => new RestError(message, { statusCode, code });
const describe_ = (error: unknown) => describeArmFailure(error, 'Could not remove the firewall rule', 'contoso');

describe('a failed firewall change, as the dashboard tells it', () => {
  it('asks to sign in again when ARM does not take the token', () => {
    expect(describe_(refusal(401, 'InvalidAuthenticationToken'))).toEqual({
      message: 'Could not remove the firewall rule: Azure asks you to sign in again.',
      nextStep: 'Sign in to Azure from the Accounts menu, then try again.',
    });
  });

  it('says the server is gone on a 404', () => {
    expect(describe_(refusal(404, 'ResourceNotFound')).message).toBe("Could not remove the firewall rule: Azure has no server 'contoso' in its resource group any more.");
  });

  it('suggests trying again when Azure did not answer', () => {
    expect(describe_(refusal(503, 'ServiceUnavailable'))).toEqual({
      message: 'Could not remove the firewall rule: Azure did not answer (HTTP 503 ServiceUnavailable).',
      nextStep: 'Try again in a moment.',
    });
  });

  it("names the missing permission, and otherwise gives ARM's own words and code", () => {
    expect(describe_(refusal(403, 'AuthorizationFailed')).nextStep).toContain('Contributor');
    expect(describe_(refusal(400, 'InvalidParameterValue', 'Invalid value given for parameter StartIpAddress.'))).toEqual({
      message: 'Could not remove the firewall rule: Invalid value given for parameter StartIpAddress. (InvalidParameterValue)',
      nextStep: 'Check the server in the Azure Portal, then try again.',
    });
  });
});
