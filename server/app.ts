import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { x25519PrivateKey } from './crypto/sealed-box';
import type { ServerKeys } from './crypto/server-keys';
import { UNCONFIGURED_MAILER } from './mail/mailer';
import type { Mailer } from './mail/mailer';
import type { App } from './plugins/app-types';
import { registerAuth } from './plugins/auth-plugin';
import { registerStaffRouteGuard } from './plugins/staff-auth-plugin';
import { registerStore } from './plugins/store-plugin';
import { registerErrorHandling } from './plugins/error-handler-plugin';
import type { ProfileRegistry } from './profiles/profile-registry';
import { registerActivationRoutes } from './routes/activations/activations-routes';
import { registerEmailProofRoutes } from './routes/email-proofs/email-proofs-routes';
import { registerHeartbeatModule } from './routes/heartbeats/heartbeats-routes';
import { registerHelpRequestRoutes } from './routes/help-requests/help-requests-routes';
import { registerLookupRoutes } from './routes/lookups/lookups-routes';
import { registerStaffModule } from './routes/staff-module';
import { registerRecoveryRoutes } from './routes/recoveries/recoveries-routes';
import { registerTerminalConfigRoutes } from './routes/terminal-config/terminal-config-routes';
import { registerTerminalProfilesRoutes } from './routes/terminal-profiles/terminal-profiles-routes';
import type { ServiceContext } from './services/service-context';
import type { Store } from './store/store';

export interface AppDeps {
  store: Store;
  profiles: ProfileRegistry;
  keys: ServerKeys;
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** Activation emails; without one every send fails, logged as MAIL_SEND_FAILED. */
  mailer?: Mailer;
  /** Base of the email links; without one, the URL the app listens on. */
  publicUrl?: string;
}

/** Small enough that a request body can hold an identity and a sealed box, never a payload. */
export const BODY_LIMIT_BYTES = 16 * 1024;

/** The enrollment API: infrastructure plugins first, then one module per resource. */
export function buildApp(deps: AppDeps): App {
  const app = Fastify({ bodyLimit: BODY_LIMIT_BYTES, logger: redactedLogger(deps.logger) }).withTypeProvider<ZodTypeProvider>();
  // Only JSON is accepted: anything else is refused (415 → INVALID_INPUT) before any handler.
  app.removeContentTypeParser('text/plain');
  app.setSerializerCompiler(serializerCompiler);
  const ctx: ServiceContext = {
    store: deps.store,
    profiles: deps.profiles,
    keys: deps.keys,
    sealingPrivateKey: x25519PrivateKey(deps.keys.sealing),
    now: deps.now ?? (() => new Date()),
    mailer: deps.mailer ?? UNCONFIGURED_MAILER,
    publicUrl: deps.publicUrl ?? 'http://127.0.0.1',
    log: app.log,
  };
  // Known only once listening: the default link base is the address the server answers on.
  if (!deps.publicUrl) app.addHook('onListen', async () => void (ctx.publicUrl = listenUrlOf(app)));
  registerErrorHandling(app);
  registerStore(app, deps.store);
  app.addHook('onClose', async () => ctx.mailer.close?.());
  registerAuth(app, deps.store);
  // Before any route: a staff-prefixed route without a role must stop the start-up.
  registerStaffRouteGuard(app);
  registerTerminalConfigRoutes(app, ctx);
  registerTerminalProfilesRoutes(app, ctx);
  registerLookupRoutes(app, ctx);
  registerActivationRoutes(app, ctx);
  registerEmailProofRoutes(app, ctx);
  registerRecoveryRoutes(app, ctx);
  registerHelpRequestRoutes(app, ctx);
  registerStaffModule(app, ctx);
  registerHeartbeatModule(app, ctx);
  return app;
}

/**
 * What a log line says about a request: its method and route pattern, never the URL as sent.
 * The emailed link carries its token in the path (`/v1/email-links/:token`), other paths carry
 * recovery and activation ids, and a query string can carry anything; logs are kept longer and
 * read by more people than the database, which never holds a token in clear either.
 */
export function requestLogValue(request: FastifyRequest): { method: string; route: string } {
  return { method: request.method, route: request.routeOptions.url ?? 'unmatched' };
}

/** The caller's logger settings, with the request serializer above whatever they asked for. */
function redactedLogger(logger: AppDeps['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, req: requestLogValue } };
}

/** `http://127.0.0.1:8080`, `http://[::1]:8080`: where a listening app answers. */
export function listenUrlOf(app: App): string {
  const address = app.server.address() as AddressInfo;
  const bound = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${bound}:${address.port}`;
}
