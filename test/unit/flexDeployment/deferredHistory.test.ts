import { describe, expect, it } from 'vitest';
import { validateDeferredHistory } from '../../../src/services/flexDeployment/deferredHistory';
import type { DeploymentRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { deploymentRecord } from '../../support/journalWorld';

const NOW = Date.UTC(2026, 10, 22);

describe('validating the deferred history', () => {
  it('takes each valid record once and returns each invalid one once, however many slices the history needs', async () => {
    const records = Array.from({ length: 601 }, (_, i) => deploymentRecord(`r-${i}`, 'succeeded.profileCreated', NOW, NOW));
    const broken = { ...records[300], createdAt: 'yesterday' };
    const deferred = records.map((r) => ({ stagingId: r.stagingId, terminalAt: NOW, raw: r.stagingId === broken.stagingId ? broken : r }));
    const accepted: DeploymentRecord[] = [];
    const invalid = await validateDeferredHistory(deferred, (r) => accepted.push(r));
    expect(accepted.map((r) => r.stagingId)).toEqual(records.filter((r) => r !== records[300]).map((r) => r.stagingId));
    expect(invalid).toEqual([{ stagingId: 'r-300', reason: expect.stringMatching(/^createdAt/), raw: broken }]);
  });
});
