import { randomUUID } from 'node:crypto';
import { validateCreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { makeDeploymentName } from '../../azure/flexProvisioning/deploymentName';
import type { CoalescedWrites } from './coalescedWrites';
import type { OwnedDeployments } from './ownedDeployments';
import { needsStagedPassword, stagedContext } from './stageDeployment';
import { stagedPasswordKey } from './storageKeys';
import { submitDeployment } from './submitDeployment';
import { CreateRequestInvalidError, type TrackerDependencies } from './trackerDependencies';

/**
 * Create, in the order that loses nothing: validate, preflight, stage durably (the password in
 * SecretStorage, the record in the journal), then the PUT. Returns once ARM answered it — or did
 * not: a lost answer is not a failure, the reads that follow decide.
 */
export async function startDeployment(
  deps: Pick<TrackerDependencies, 'provisioner' | 'secrets' | 'leases' | 'clock' | 'lifecycle' | 'log'>,
  owned: Pick<OwnedDeployments, 'start' | 'send'>,
  writes: Pick<CoalescedWrites, 'flush'>,
  input: unknown,
): Promise<string> {
  const validation = validateCreateServerRequest(input);
  if (!validation.ok) throw new CreateRequestInvalidError(validation.errors);
  const request = validation.request;
  await deps.provisioner.preflight(request);

  const at = deps.clock.now();
  const stagingId = randomUUID();
  const deploymentName = makeDeploymentName(request.serverName, at);
  let passwordSecretId: string | undefined;
  if (needsStagedPassword(request) && request.adminPassword) {
    passwordSecretId = stagedPasswordKey(stagingId);
    await deps.secrets.store(passwordSecretId, request.adminPassword);
  }
  await deps.leases.tryAcquire(stagingId);
  const staged = stagedContext(request, { stagingId, deploymentName, passwordSecretId }, at);
  owned.start(staged);
  await writes.flush(); // durable before ARM is called: a crash from here on is recovered from the journal
  deps.lifecycle.staged(staged);

  owned.send(stagingId, await submitDeployment(deps, request, deploymentName));
  await writes.flush();
  return stagingId;
}
