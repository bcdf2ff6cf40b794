import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from './faultInjector';
import type { RateLimitMeter } from './rateLimitMeter';
import { armError, type ArmResponse } from './armResponse';
import { invalidRequestContent, noRoute } from './armErrors';
import type { BearerCheck } from './bearerCheck';
import type { RouteCounter } from './requestLog';
import type { Router } from './router';

export interface ArmServerParts {
  arm: Router;
  /** `/_sandbox/...`: no bearer, not counted, no faults. */
  control: Router;
  counter: RouteCounter;
  bearer: BearerCheck;
  faults: FaultInjector;
  meter: RateLimitMeter;
  fallbackBaseUrl: string;
  log?: (line: string) => void;
}

export const CONTROL_PREFIX = '/_sandbox';

/** The request pipeline: count, log, latency, bearer check, scripted faults, route, ARM headers. */
export function createArmRequestListener(parts: ArmServerParts): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(parts, req, res).catch((error: unknown) => {
      parts.log?.(`sandbox error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) send(res, armError(500, 'InternalServerError', 'The sandbox failed to handle the request.'));
      else res.destroy();
    });
  };
}

async function handle(parts: ArmServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const baseUrl = req.headers.host ? `https://${req.headers.host}` : parts.fallbackBaseUrl;
  const url = new URL(req.url ?? '/', baseUrl);
  const path = url.pathname;
  const rawBody = await readBody(req);
  const clientIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const isControl = path.toLowerCase().startsWith(CONTROL_PREFIX);
  const match = (isControl ? parts.control : parts.arm).match(method, path);
  const routeName = match?.route.name ?? 'unknown';
  const finish = (response: ArmResponse | 'reset'): void => {
    parts.log?.(`${method} ${path} → ${response === 'reset' ? 'connection reset' : response.status} [${isControl ? 'control' : routeName}] ${Date.now() - started}ms`);
    if (response === 'reset') req.socket.destroy();
    else send(res, response);
  };

  let body: unknown;
  try {
    body = rawBody.length ? JSON.parse(rawBody) : undefined;
  } catch {
    finish(invalidRequestContent('The request content was invalid and could not be deserialized: the body is not valid JSON.'));
    return;
  }
  const ctx = { method, params: match?.params ?? {}, query: url.searchParams, body, baseUrl, clientIp, headers: req.headers };
  if (isControl) {
    finish(match ? await match.route.handler(ctx) : noRoute(method, path));
    return;
  }

  parts.counter.record(routeName);
  if (parts.faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, parts.faults.latencyMs));
  const rejected = parts.bearer.reject(req.headers, new Date());
  if (rejected) return finish(rejected);
  const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(path)?.[1] ?? '';
  const fault = parts.faults.take(routeName, subscriptionId);
  if (fault) return finish(fault.kind === 'reset' ? 'reset' : fault.response);
  if (!match) return finish(noRoute(method, path));
  if (!url.searchParams.has('api-version')) {
    return finish(armError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.'));
  }
  const response = await match.route.handler(ctx);
  const lost = parts.faults.take(routeName, subscriptionId, 'after');
  if (lost) return finish(lost.kind === 'reset' ? 'reset' : lost.response);
  finish({ ...response, headers: { ...parts.meter.headers(subscriptionId, method, Date.now()), ...response.headers } });
}

function send(res: ServerResponse, response: ArmResponse): void {
  const requestId = randomUUID();
  const headers: Record<string, string> = {
    'x-ms-request-id': requestId,
    'x-ms-correlation-request-id': requestId,
    'x-ms-routing-request-id': `SANDBOX:${new Date().toISOString().replace(/[-:.]/g, '')}:${requestId}`,
    'Cache-Control': 'no-cache',
    ...response.headers,
  };
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) }).end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
