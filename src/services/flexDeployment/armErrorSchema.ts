import * as z from 'zod';
import type { ArmErrorSummary } from '../../../machines/flexDeployment/stagedFlexProfile';

/**
 * ARM's error as the journal and the observation board store it. Zod drops keys it does not know,
 * so a field of ArmErrorSummary missing here would vanish at the next write; every field beyond
 * code and message is optional, so records written before a field existed still load.
 */
export const armErrorSchema: z.ZodType<ArmErrorSummary> = z.object({
  code: z.string(),
  message: z.string(),
  chain: z.array(z.object({ code: z.string(), message: z.string(), target: z.string().optional() })).optional(),
  policyViolation: z.object({ assignment: z.string().optional(), definition: z.string().optional() }).optional(),
});
