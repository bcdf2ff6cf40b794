import type { IncomingHttpHeaders } from 'node:http';
import { expiredToken, malformedToken, missingToken } from './armErrors';
import type { ArmResponse } from './armResponse';

/**
 * ARM's authentication as far as the sandbox can tell: any bearer token is accepted (there is no
 * Entra here) unless it was revoked through the control API, which is how token expiry is tested.
 */
export class BearerCheck {
  private readonly revoked = new Set<string>();

  revoke(token: string): void {
    this.revoked.add(token);
  }

  reset(): void {
    this.revoked.clear();
  }

  /** ARM's 401 answer, or undefined when the call may proceed. */
  reject(headers: IncomingHttpHeaders, now: Date): ArmResponse | undefined {
    const header = headers.authorization;
    if (!header) return missingToken();
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) return malformedToken();
    return this.revoked.has(m[1]) ? expiredToken(now) : undefined;
  }
}
