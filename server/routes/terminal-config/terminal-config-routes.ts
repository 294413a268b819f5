import { SEALED_BOX_ALGORITHM } from '../../../shared/crypto/sealed-box-schema';
import { TerminalConfigResponseSchema, enrollmentRoutes } from '../../../shared/contract/enrollment-api';
import type { App } from '../../plugins/app-types';
import type { ServiceContext } from '../../services/service-context';

/** GET /v1/terminal/config: the key kiosks seal secrets to, and the server's clock. */
export function registerTerminalConfigRoutes(app: App, ctx: ServiceContext): void {
  app.route({
    method: enrollmentRoutes.terminalConfig.method,
    url: enrollmentRoutes.terminalConfig.path,
    schema: { response: { 200: TerminalConfigResponseSchema } },
    handler: async (request) => ({
      terminalId: request.terminalId,
      sealingKey: { alg: SEALED_BOX_ALGORITHM, publicKey: ctx.keys.sealing.publicKey },
      serverTime: ctx.now().toISOString(),
    }),
  });
}
