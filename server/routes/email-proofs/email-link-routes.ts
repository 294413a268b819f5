import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enrollmentRoutes } from '../../../shared/contract/enrollment-api';
import type { App } from '../../plugins/app-types';
import { isEmailLinkOpen, openEmailLink } from '../../services/email-proof-service';
import type { ServiceContext } from '../../services/service-context';
import { EMAIL_LINK_PAGE_HEADERS, emailLinkPage } from './email-link-page';
import { createLinkRateLimiter, LINK_RATE_LIMIT } from './link-rate-limiter';

/** Any string up to a sane length: a malformed token gets the same page as an unknown one. */
const LinkParamsSchema = z.strictObject({ token: z.string().max(256) });

/** What the confirm button sends: an empty form. Read as text and dropped, never parsed further. */
const FORM_BODY_LIMIT_BYTES = 1024;

/**
 * The link in the activation email (umontpellier, parents-scolarite), opened in the person's own
 * browser, so no bearer token. GET only shows a "Confirmer l'activation" button (mail scanners
 * pre-open links and must not activate anyone); the button's POST activates. Both share the
 * per-address limit and answer the one generic page on any failure.
 */
export function registerEmailLinkRoutes(app: App, ctx: ServiceContext): void {
  const limiter = createLinkRateLimiter(ctx.now);
  async function answer(request: { ip: string; params: { token: string } }, reply: FastifyReply, act: (token: string) => Promise<'confirm' | 'activated' | 'invalid'>): Promise<FastifyReply> {
    reply.headers(EMAIL_LINK_PAGE_HEADERS);
    if (!limiter.allow(request.ip)) {
      return reply.code(429).header('retry-after', String(LINK_RATE_LIMIT.windowMs / 1000)).send(emailLinkPage('throttled'));
    }
    const outcome = await act(request.params.token);
    return reply.code(outcome === 'invalid' ? 404 : 200).send(emailLinkPage(outcome));
  }
  // Encapsulated, so the form content type is accepted on this route only; every other route stays JSON-only.
  void app.register(async (parent) => {
    const scope = parent.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES }, (_request, _body, done) => {
      done(null, {});
    });
    const route = { url: enrollmentRoutes.emailLink.path, config: { public: true }, schema: { params: LinkParamsSchema } } as const;
    scope.route({ ...route, method: 'GET', handler: (request, reply) => answer(request, reply, async (token) => (await isEmailLinkOpen(ctx, token) ? 'confirm' : 'invalid')) });
    scope.route({ ...route, method: 'POST', handler: (request, reply) => answer(request, reply, (token) => openEmailLink(ctx, token)) });
  });
}
