import { createHttpHeaders, RestError } from '@azure/core-rest-pipeline';

/** What the SDK throws for an ARM error answer: a RestError with ARM's `{ error: { code, message } }` body. */
export function armRestError(status: number, code: string, message: string): RestError {
  const bodyAsText = JSON.stringify({ error: { code, message, details: [{ code, message }] } });
  return new RestError(message, { statusCode: status, code, response: { status, headers: createHttpHeaders({}), request: undefined as never, bodyAsText } });
}

export const NOT_REGISTERED_MESSAGE =
  "The subscription is not registered to use namespace 'Microsoft.DBforPostgreSQL'. See https://aka.ms/rps-not-found for how to register subscriptions.";

/** ARM's refusal of a provider's route while the subscription is not registered for it. */
export const notRegisteredError = (): RestError => armRestError(409, 'MissingSubscriptionRegistration', NOT_REGISTERED_MESSAGE);
