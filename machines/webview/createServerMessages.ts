import * as z from 'zod';
import type {
  DeploymentOperationView,
  FlexCapabilities,
  LocationChoice,
  ResourceGroupChoice,
  SubscriptionChoice,
} from '../flexDeployment/catalog';
import type { ValidationErrors } from '../flexDeployment/createServerRequest';
import type { DurationEstimate } from '../flexDeployment/deploymentDurations';
import { refusedOfferSchema, type RefusedOffer } from '../flexDeployment/regionsOffering';
import type { RetailPrice } from '../flexDeployment/retailPrices';
import { retryableRequestSchema, type EntraAdministrator } from '../flexDeployment/retryableRequest';
import type { DeploymentView } from './deploymentView';
import { NEXT_STEPS } from './nextSteps';

/**
 * The create view's messages. Webview → host messages have zod schemas because the host validates
 * every one; host → webview messages are types only (the webview trusts its host).
 */

// Ids and names are short in Azure; the caps stop a hostile page from making the host log megabytes.
const id = z.string().min(1).max(200);
const name = z.string().max(200);

export const createServerWebviewMessageSchemas = [
  z.strictObject({ type: z.literal('form.subscriptionSelected'), subscriptionId: id }),
  z.strictObject({ type: z.literal('form.locationSelected'), subscriptionId: id, location: id }),
  // The location, when chosen, gives a taken name's suggestions their region ending.
  z.strictObject({ type: z.literal('form.serverNameChanged'), subscriptionId: id, serverName: name, location: name.optional() }),
  // A Retry after SkuNotAvailable: the subscription's other locations that offer the refused server.
  z.strictObject({ type: z.literal('form.findRegionsOffering'), subscriptionId: id, offer: refusedOfferSchema, except: id }),
  // "Register Microsoft.DBforPostgreSQL": the host registers only a subscription it said is not registered.
  z.strictObject({ type: z.literal('form.registerProvider'), subscriptionId: id }),
  // A user or group to make the Microsoft Entra administrator, by the start of its name.
  z.strictObject({ type: z.literal('form.searchEntraAdministrators'), subscriptionId: id, text: z.string().trim().min(1).max(120) }),
  // The request itself is checked by validateCreateServerRequest, which names the rule per field.
  z.strictObject({ type: z.literal('form.submit'), request: z.record(z.string(), z.unknown()) }),
  // "Save as Template" on the review: the request Create would send, checked the same way.
  z.strictObject({ type: z.literal('review.saveTemplate'), request: z.record(z.string(), z.unknown()) }),
  z.strictObject({ type: z.literal('progress.retry'), stagingId: id }),
  z.strictObject({ type: z.literal('progress.cancel'), stagingId: id }),
  // Register Provider on a deployment refused for an unregistered subscription; the host checks it is one.
  z.strictObject({ type: z.literal('progress.registerProvider'), stagingId: id }),
  // "Delete Leftover Resources…" next to Retry; the host checks the deployment still offers it.
  z.strictObject({ type: z.literal('progress.deleteLeftovers'), stagingId: id }),
  // What to do with the ready server; the host acts only on a step offeredNextSteps offers.
  z.strictObject({ type: z.literal('progress.nextStep'), stagingId: id, step: z.enum(NEXT_STEPS) }),
] as const;

/** What the form may be prefilled with: a retry's request. Unknown keys (a password) are stripped. */
export const formPrefillSchema = retryableRequestSchema
  .omit({ entraAdmin: true })
  .partial()
  .extend({
    /**
     * A retry of a deployment that used up the vCore quota with this size in this location: the form
     * suggests the tier's next smaller size, and says why, once it has the location's capabilities.
     */
    quotaExceeded: z.object({ location: z.string(), skuName: z.string() }).optional(),
    /**
     * A retry of a deployment refused with SkuNotAvailable: the form asks which other locations
     * offer this size, tier and version to the subscription, and offers them.
     */
    skuNotAvailable: refusedOfferSchema.extend({ location: z.string().max(100) }).optional(),
    /**
     * A retry: the failed deployment's server name and group. `alreadyExists` when ARM refused the
     * name (ServerNameAlreadyExists); otherwise a server of that name, if Azure has one now, may be
     * the one the failed deployment left behind.
     */
    retriedName: z.object({ serverName: z.string(), resourceGroup: z.string(), alreadyExists: z.boolean() }).optional(),
  });

export type FormPrefill = z.infer<typeof formPrefillSchema>;

export interface UnregisteredProvider {
  subscriptionId: string;
  namespace: string;
}

export type CreateServerHostMessage =
  /** Starts the form at once, before any catalog call: the subscriptions and client IP follow. */
  | { type: 'form.init'; prefill?: FormPrefill }
  | { type: 'catalog.subscriptions'; subscriptions: SubscriptionChoice[] }
  /** This computer's public IP as Azure sees it, once detected (never, when detection fails). */
  | { type: 'catalog.clientIp'; clientIp: string }
  | {
      type: 'catalog.subscriptionChoices';
      subscriptionId: string;
      resourceGroups: ResourceGroupChoice[];
      locations: LocationChoice[];
      /** The signed-in user, who becomes the Microsoft Entra administrator. */
      entraAdmin?: EntraAdministrator;
    }
  /** A directory search's answer: the users and groups found, or why there is none. */
  | ({ type: 'catalog.entraAdministrators'; subscriptionId: string; text: string } & ({ principals: EntraAdministrator[] } | { message: string }))
  | { type: 'catalog.capabilities'; subscriptionId: string; location: string; capabilities: FlexCapabilities }
  /** The subscription's locations that offer a refused server; `unchecked` counts those whose capabilities could not be read. */
  | { type: 'catalog.regionsOffering'; subscriptionId: string; offer: RefusedOffer; regions: LocationChoice[]; unchecked: number }
  /** The location's PostgreSQL list prices (Retail Prices API), for the review's estimate. */
  | { type: 'catalog.prices'; location: string; prices: RetailPrice[] }
  | { type: 'catalog.pricesUnavailable'; location: string; message: string }
  /** A read of Azure failed; `unregisteredProvider` when the reason is the subscription's missing registration, which the form offers to make. */
  | { type: 'catalog.failed'; message: string; unregisteredProvider?: UnregisteredProvider }
  /** The subscription is registered now: the form reads Azure's choices again. */
  | { type: 'catalog.providerRegistered'; subscriptionId: string }
  | { type: 'form.serverNameAvailability'; serverName: string; available: boolean; message?: string }
  /** Names in place of a taken one, each found free by Azure's availability check just before. */
  | { type: 'form.serverNameSuggestions'; serverName: string; suggestions: string[] }
  /** The host refused the request: field errors (validation, preflight) and/or a general message. */
  | { type: 'form.rejected'; errors: ValidationErrors; message?: string }
  | {
      type: 'progress.update';
      stagingId: string;
      deployment: DeploymentView;
      operations: DeploymentOperationView[];
      estimate?: DurationEstimate;
    }
  /** The host does not track this deployment: never did, or no longer (dismissed, cleared). */
  | { type: 'progress.unknown'; stagingId: string }
  /** Copy Connection String was done: what went to the clipboard (never a password). */
  | { type: 'progress.connectionStringCopied'; stagingId: string; connectionString: string }
  /** Where the template was saved, and the Azure CLI commands that deploy it; or why it was not. */
  | { type: 'review.templateSaved'; folder: string; files: string[]; commands: string[] }
  | { type: 'review.templateNotSaved'; message: string };
