import * as l10n from '../../machines/l10n';
import type { EntraAdministrator } from '../../machines/flexDeployment/retryableRequest';
import { errorMessage } from '../../machines/errorMessage';
import type { AzureCatalog } from '../azure/azureCatalog';
import type { CreateServerLog } from './ports';

/**
 * Who a create request may name as the Microsoft Entra administrator: the signed-in user of the
 * tenant (read once, the default), or a user or group a directory search of this panel found. The
 * webview only points at one; what is deployed is the host's own copy.
 */
export class EntraAdministrators {
  private readonly signedIn = new Map<string, EntraAdministrator>();
  /** By tenant and object id: a principal found in one tenant is no choice for another. */
  private readonly found = new Map<string, EntraAdministrator>();

  constructor(
    private readonly catalog: Pick<AzureCatalog, 'getSignedInPrincipal' | 'searchEntraPrincipals'>,
    private readonly log: CreateServerLog,
  ) {}

  /** The signed-in user; undefined (and logged) when it cannot be read. */
  async signedInUser(tenantId: string): Promise<EntraAdministrator | undefined> {
    const known = this.signedIn.get(tenantId);
    if (known) return known;
    try {
      const principal = await this.catalog.getSignedInPrincipal(tenantId);
      this.signedIn.set(tenantId, principal);
      return principal;
    } catch (err) {
      this.log.warn(`Reading the signed-in principal failed: ${errorMessage(err)}`);
      return undefined;
    }
  }

  /** The users and groups whose name starts with `text`; a refusal is told in words. */
  async search(tenantId: string, text: string): Promise<{ principals: EntraAdministrator[] } | { message: string }> {
    try {
      const principals = await this.catalog.searchEntraPrincipals(tenantId, text);
      for (const principal of principals) this.found.set(key(tenantId, principal.objectId), principal);
      return { principals };
    } catch (err) {
      this.log.warn(`Searching the directory failed: ${errorMessage(err)}`);
      return { message: l10n.t('Could not search the directory: {0} You can keep yourself as the administrator and add others in the Azure Portal later.', errorMessage(err)) };
    }
  }

  /** The administrator to deploy for what the webview asked: a found principal, else the signed-in user. */
  async resolve(tenantId: string, asked: Pick<EntraAdministrator, 'objectId'> | undefined): Promise<EntraAdministrator | { error: string }> {
    const found = asked && this.found.get(key(tenantId, asked.objectId));
    if (found) return found;
    const user = await this.signedInUser(tenantId);
    if (!user) return { error: l10n.t('The signed-in Microsoft Entra user could not be read.') };
    if (asked && asked.objectId !== user.objectId) return { error: l10n.t('Choose the Microsoft Entra administrator from the search results, or yourself.') };
    return user;
  }
}

const key = (tenantId: string, objectId: string) => `${tenantId}/${objectId.toLowerCase()}`;
