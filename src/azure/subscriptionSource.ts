import type { SubscriptionChoice } from '../../machines/flexDeployment/catalog';
import type { ArmClients } from './armClients';

/**
 * Which subscriptions the user can pick. Against Azure, VS Code's Azure account knows every tenant
 * of every signed-in account (vscodeAzureAccount.ts); against the sandbox, ARM's own list answers.
 */
export interface SubscriptionSource {
  listSubscriptions(): Promise<SubscriptionChoice[]>;
}

/** ARM's subscription list with the home tenant's token (each subscription names its tenant). */
export function armSubscriptionSource(clients: ArmClients, homeTenantId: string): SubscriptionSource {
  return {
    async listSubscriptions() {
      const choices: SubscriptionChoice[] = [];
      for await (const subscription of (await clients.subscriptions(homeTenantId)).subscriptions.list()) {
        if (!subscription.subscriptionId) continue;
        choices.push({
          subscriptionId: subscription.subscriptionId,
          tenantId: subscription.tenantId ?? homeTenantId,
          displayName: subscription.displayName ?? subscription.subscriptionId,
        });
      }
      return choices.sort((a, b) => a.displayName.localeCompare(b.displayName));
    },
  };
}
