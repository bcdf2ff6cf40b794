import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { registerControlRoutes } from './control/controlRoutes';
import { createSandboxControl } from './control/sandboxControl';
import type { SandboxContext } from './context';
import { registerDeploymentRoutes } from './deployments/deploymentRoutes';
import { createRunEnvironment } from './deployments/runEnvironment';
import { FaultInjector } from './http/faultInjector';
import { RateLimitMeter } from './http/rateLimitMeter';
import { registerFirewallRuleRoutes } from './flexibleServers/firewallRuleRoutes';
import { registerFlexibleServerRoutes } from './flexibleServers/flexibleServerRoutes';
import { registerProviderOperations } from './flexibleServers/providerOperations';
import { createArmRequestListener } from './http/armServer';
import { BearerCheck } from './http/bearerCheck';
import { RouteCounter } from './http/requestLog';
import { Router } from './http/router';
import { embeddedPostgres } from './postgres/embeddedPostgres';
import { externalPostgres } from './postgres/externalPostgres';
import { noPostgres, type PostgresBackend } from './postgres/postgresBackend';
import { registerRetailPriceRoutes } from './prices/retailPrices';
import { registerGraphRoutes } from './graph/directory';
import { registerProviderRoutes } from './providers/providerRoutes';
import { requiringRegistration } from './providers/registrationGate';
import { registerResourceGroupRoutes } from './resourceGroups/resourceGroupRoutes';
import { registerResourceListRoutes } from './resources/resourceListRoutes';
import { SandboxState } from './state';
import { registerSubscriptionRoutes } from './subscriptions/subscriptionRoutes';
import { createLoopbackCertificate } from './tls';
import type { Sandbox, SandboxOptions } from './types';

export type * from './types';
export { SANDBOX_LOCATIONS, SANDBOX_SUBSCRIPTIONS, SANDBOX_TENANT_ID, SEEDED_RESOURCE_GROUPS } from './subscriptions/seed';

/** Starts the local HTTPS ARM stand-in on loopback. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const certificate = await createLoopbackCertificate();
  const state = new SandboxState(options.speed ?? 1);
  const postgres = backendFor(options);
  const env = createRunEnvironment(state, postgres);
  const now = (): number => Date.now();
  const advanceAll = (): void => {
    const t = now();
    for (const run of state.deployments.values()) run.advance(t, env);
  };
  const context: SandboxContext = { state, now, advanceAll };

  const arm = new Router();
  registerSubscriptionRoutes(arm);
  registerResourceGroupRoutes(arm, context);
  registerDeploymentRoutes(arm, context);
  registerProviderRoutes(arm, context);
  const postgresRoutes = requiringRegistration(arm, context);
  const startProviderOperation = registerProviderOperations(postgresRoutes, context);
  registerFlexibleServerRoutes(postgresRoutes, context, startProviderOperation);
  registerFirewallRuleRoutes(postgresRoutes, context, startProviderOperation);
  registerResourceListRoutes(arm, context);

  const counter = new RouteCounter();
  const bearer = new BearerCheck();
  const faults = new FaultInjector();
  const meter = new RateLimitMeter();
  const control = createSandboxControl({ state, counter, bearer, faults, meter, postgres, advanceAll });
  const controlRouter = new Router();
  registerControlRoutes(controlRouter, control);
  registerRetailPriceRoutes(controlRouter);
  registerGraphRoutes(controlRouter);

  const listener = createArmRequestListener({ arm, control: controlRouter, counter, bearer, faults, meter, fallbackBaseUrl: '', log: options.log });
  const ipv4 = createServer({ cert: certificate.cert, key: certificate.key }, listener);
  const port = await listen(ipv4, options.port ?? 0, '127.0.0.1');
  // `localhost` may resolve to ::1 first; answer there too when the machine has IPv6 loopback.
  const ipv6 = createServer({ cert: certificate.cert, key: certificate.key }, listener);
  const ipv6Listening = await listen(ipv6, port, '::1').then(
    () => true,
    () => false,
  );
  const url = `https://localhost:${port}`;
  options.log?.(`ARM sandbox listening on ${url} (speed ×${state.speed})`);

  return {
    url,
    ca: certificate.cert,
    control,
    requests: counter,
    async stop() {
      const servers = ipv6Listening ? [ipv4, ipv6] : [ipv4];
      await Promise.all(servers.map(close));
      await postgres.stop();
    },
  };
}

function backendFor(options: SandboxOptions): PostgresBackend {
  const choice = options.postgres ?? 'embedded';
  if (choice === 'none') return noPostgres();
  if (choice === 'embedded') return embeddedPostgres(options.log);
  return externalPostgres(choice, options.log);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
