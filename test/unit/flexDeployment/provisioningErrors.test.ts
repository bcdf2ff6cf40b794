import { describe, expect, it } from 'vitest';
import { ArmStartError, PreflightError, StartOutcomeUnknownError } from '../../../src/services/flexDeployment/serverProvisioner';
import { CreateRequestInvalidError } from '../../../src/services/flexDeployment/trackerDependencies';

// The output channel logs errors as String(error): the kind of error comes before its message.
describe('provisioning errors, as the log tells them', () => {
  it.each([
    ['PreflightError', new PreflightError('serverName', "The server name 'pgflex-demo' is not available"), "The server name 'pgflex-demo' is not available"],
    ['StartOutcomeUnknownError', new StartOutcomeUnknownError('HTTP 503 after 3 tries'), 'HTTP 503 after 3 tries'],
    ['ArmStartError', new ArmStartError({ code: 'InvalidTemplate', message: 'The template is not valid.' }), 'The template is not valid.'],
    ['CreateRequestInvalidError', new CreateRequestInvalidError({ serverName: ['Use lowercase letters, numbers and hyphens.'] }), 'Use lowercase letters, numbers and hyphens.'],
  ])('a %s is logged by its name and message', (kind, error, message) => {
    expect(String(error)).toBe(`${kind}: ${message}`);
  });

  it('an invalid request without a field message still says what is wrong', () => {
    expect(new CreateRequestInvalidError({}).message).toBe('The create request is not valid.');
  });
});
