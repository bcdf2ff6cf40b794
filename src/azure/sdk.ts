/**
 * The Azure SDK, as the extension uses it: one module, loaded on the first ARM call (loadSdk) and
 * bundled as a file of its own (dist/sdk.js), so a window where nothing is deploying never runs
 * it. Third-party code only: no class of this project is defined here, so none exists twice.
 */
export { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
export { ResourceManagementClient } from '@azure/arm-resources';
export { SubscriptionClient } from '@azure/arm-resources-subscriptions';
export { DeploymentsClient } from '@azure/arm-resourcesdeployments';
export { createDefaultHttpClient, createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';

/** VS Code's sign-in for Azure: a second step, because it needs the `vscode` module, which exists only in an extension host. */
export const loadAzureAuth = () => import('@microsoft/vscode-azext-azureauth');
export { AzureCliCredential } from '@azure/identity';
