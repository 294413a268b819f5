import Fastify from 'fastify';
import type { FastifyServerOptions } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { x25519PrivateKey } from './crypto/sealed-box';
import type { ServerKeys } from './crypto/server-keys';
import type { App } from './plugins/app-types';
import { registerAuth } from './plugins/auth-plugin';
import { registerDatabase } from './plugins/db-plugin';
import { registerErrorHandling } from './plugins/error-handler-plugin';
import type { ProfileRegistry } from './profiles/profile-registry';
import { registerActivationRoutes } from './routes/activations/activations-routes';
import { registerLookupRoutes } from './routes/lookups/lookups-routes';
import { registerTerminalConfigRoutes } from './routes/terminal-config/terminal-config-routes';
import type { ServiceContext } from './services/service-context';
import type { Db } from './store/connection';

export interface AppDeps {
  db: Db;
  profiles: ProfileRegistry;
  keys: ServerKeys;
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
}

/** Small enough that a request body can hold an identity and a sealed box, never a payload. */
export const BODY_LIMIT_BYTES = 16 * 1024;

/** The enrollment API: infrastructure plugins first, then one module per resource. */
export function buildApp(deps: AppDeps): App {
  const app = Fastify({ bodyLimit: BODY_LIMIT_BYTES, logger: deps.logger ?? false }).withTypeProvider<ZodTypeProvider>();
  // Only JSON is accepted: anything else is refused (415 → INVALID_INPUT) before any handler.
  app.removeContentTypeParser('text/plain');
  app.setSerializerCompiler(serializerCompiler);
  const ctx: ServiceContext = {
    db: deps.db,
    profiles: deps.profiles,
    keys: deps.keys,
    sealingPrivateKey: x25519PrivateKey(deps.keys.sealing),
    now: deps.now ?? (() => new Date()),
  };
  registerErrorHandling(app);
  registerDatabase(app, deps.db);
  registerAuth(app, deps.db);
  registerTerminalConfigRoutes(app, ctx);
  registerLookupRoutes(app, ctx);
  registerActivationRoutes(app, ctx);
  return app;
}
