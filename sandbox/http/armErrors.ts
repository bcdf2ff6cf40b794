import { armError, type ArmErrorBody, type ArmResponse } from './armResponse';

/** The error answers ARM gives for the situations the sandbox reproduces, with ARM's codes and wording. */

export function missingToken(): ArmResponse {
  return armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", {
    'WWW-Authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."',
  });
}

export function malformedToken(): ArmResponse {
  return armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', {
    'WWW-Authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The access token is invalid."',
  });
}

export function expiredToken(now: Date): ArmResponse {
  const expiredAt = new Date(now.getTime() - 60_000);
  return armError(
    401,
    'ExpiredAuthenticationToken',
    `The access token expiry UTC time '${formatArmTime(expiredAt)}' is earlier than current UTC time '${formatArmTime(now)}'.`,
    {
      'WWW-Authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The access token has expired."',
    },
  );
}

export function subscriptionNotFound(subscriptionId: string): ArmResponse {
  return armError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
}

export function resourceGroupNotFound(name: string): ArmResponse {
  return armError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
}

export function deploymentNotFound(name: string): ArmResponse {
  return armError(404, 'DeploymentNotFound', `Deployment '${name}' could not be found.`);
}

export function resourceNotFound(type: string, name: string, resourceGroup: string): ArmResponse {
  return armError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

export function noRoute(method: string, path: string): ArmResponse {
  return armError(404, 'NotFound', `The sandbox has no route for ${method} ${path}.`);
}

/**
 * A subscription not registered for a resource provider: 409, the namespace as the detail's target
 * (the shape ARM answers with, e.g. in Azure/azure-sdk-for-node#2305 and microsoft-foundry-for-vscode#270).
 */
export function missingSubscriptionRegistration(namespace: string): ArmResponse {
  return { status: 409, body: { error: missingRegistrationError(namespace) } };
}

/** The same error as a failed deployment carries it. */
export function missingRegistrationError(namespace: string): ArmErrorBody {
  const message = `The subscription is not registered to use namespace '${namespace}'. See https://aka.ms/rps-not-found for how to register subscriptions.`;
  return { code: 'MissingSubscriptionRegistration', message, details: [{ code: 'MissingSubscriptionRegistration', target: namespace, message }] };
}

/** A caller without the role for an action (e.g. `{namespace}/register/action`), in ARM's words. */
export function authorizationFailed(action: string, scope: string): ArmResponse {
  const client = '3f9b2c1d-6e5a-4b7c-8d9e-0a1b2c3d4e5f';
  return armError(
    403,
    'AuthorizationFailed',
    `The client '${client}' with object id '${client}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

export function invalidRequestContent(message: string): ArmResponse {
  return armError(400, 'InvalidRequestContent', message);
}

/** Token errors write UTC times as "M/D/YYYY h:mm:ss AM". */
function formatArmTime(date: Date): string {
  const h = date.getUTCHours();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${h % 12 || 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}
