import type { EntraAdministrator } from '../../machines/flexDeployment/retryableRequest';
import { errorMessage } from '../../machines/errorMessage';
import type { AzureCatalog } from '../azure/azureCatalog';
import type { CreateServerLog } from './ports';

/** The signed-in Microsoft Entra user per tenant, read once: the only administrator a create request may name. */
export class SignedInPrincipals {
  private readonly known = new Map<string, EntraAdministrator>();

  constructor(
    private readonly catalog: Pick<AzureCatalog, 'getSignedInPrincipal'>,
    private readonly log: CreateServerLog,
  ) {}

  /** Undefined (and logged) when it cannot be read. */
  async of(tenantId: string): Promise<EntraAdministrator | undefined> {
    const known = this.known.get(tenantId);
    if (known) return known;
    try {
      const principal = await this.catalog.getSignedInPrincipal(tenantId);
      this.known.set(tenantId, principal);
      return principal;
    } catch (err) {
      this.log.warn(`Reading the signed-in principal failed: ${errorMessage(err)}`);
      return undefined;
    }
  }
}
