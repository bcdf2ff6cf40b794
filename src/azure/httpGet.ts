import { loadSdk } from './loadSdk';

export interface HttpGetOptions {
  /** The sandbox's CA, trusted for this request only. */
  ca?: string;
  headers?: Record<string, string>;
  timeoutMs: number;
}

/** A GET outside ARM's clients (a public echo, the price list, Microsoft Graph), through the Azure SDK's HTTP client. */
export async function httpGet(url: string, options: HttpGetOptions): Promise<{ status: number; text: string | undefined }> {
  const { createDefaultHttpClient, createHttpHeaders, createPipelineRequest } = await loadSdk();
  const request = createPipelineRequest({ url, method: 'GET', timeout: options.timeoutMs, headers: createHttpHeaders(options.headers) });
  // createPipelineRequest does not take TLS settings; the HTTP client reads them from the request.
  if (options.ca) request.tlsSettings = { ca: options.ca };
  const response = await createDefaultHttpClient().sendRequest(request);
  return { status: response.status, text: response.bodyAsText ?? undefined };
}

/** A GET of text or JSON; undefined unless the answer is 200. */
export async function getText(url: string, ca?: string): Promise<string | undefined> {
  const { status, text } = await httpGet(url, { ca, headers: { accept: 'application/json, text/plain' }, timeoutMs: 5000 });
  return status === 200 ? text : undefined;
}
