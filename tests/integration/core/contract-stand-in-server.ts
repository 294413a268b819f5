import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import {
  ActivationRequestSchema, ActivationSecretSchema, ConfirmationRequestSchema, ConfirmationSecretSchema,
  HTTP_STATUS_BY_CODE, IdempotencyKeySchema, LookupRequestSchema,
} from '../../../shared/contract/enrollment-api';
import { parseWith } from '../../../shared/contract/parse';
import type { AppError } from '../../../shared/contract/result';
import { isWellFormedGeneratedPassword, UNAMBIGUOUS_ALPHABET } from '../../../shared/policies/generated-password';
import { identitySchemaFor, namesMatch, type IdentityInput } from '../../../shared/policies/identity-rules';
import type { Profile } from '../../../shared/schemas/profile-schema';
import { createRecipient, openSealedBoxReference } from '../../unit/core/support/sealed-box-reference';

/**
 * A STAND-IN for the reference enrollment API (server/, written in parallel): a small real
 * node:http server that implements the contract routes faithfully — bearer token, requests
 * validated with the shared schemas, sealed boxes opened with the test's reference reading of
 * the spec, idempotency keys applied at most once — plus fault switches the real server has no
 * reason to offer (drop a response after applying it, answer 503, answer a malformed 2xx).
 */
export type StandInOutcome = 'eligible' | 'PAYMENT_PENDING' | 'NOT_YET_OPEN' | 'ALREADY_ACTIVE' | 'THROTTLED';
export interface StandInPerson { lastName: string; firstName: string; birthDate: string; studentNumber: string; outcome: StandInOutcome }

export const STAND_IN_PEOPLE: StandInPerson[] = [
  { lastName: "N'Diaye-Lefèvre", firstName: 'Éloïse', birthDate: '2006-03-14', studentNumber: '21000001', outcome: 'eligible' },
  { lastName: 'Martin', firstName: 'Paul', birthDate: '2005-11-02', studentNumber: '21000002', outcome: 'PAYMENT_PENDING' },
  { lastName: 'Roux', firstName: 'Inès', birthDate: '2006-07-21', studentNumber: '21000003', outcome: 'NOT_YET_OPEN' },
  { lastName: 'Bernard', firstName: 'Hugo', birthDate: '2004-01-30', studentNumber: '21000004', outcome: 'ALREADY_ACTIVE' },
  { lastName: 'Petit', firstName: 'Zoé', birthDate: '2006-09-09', studentNumber: '21000005', outcome: 'THROTTLED' },
];
export const STAND_IN_OPENS_AT = '2026-09-02T22:00:00.000Z';

type Route = 'terminalConfig' | 'lookups' | 'activations' | 'confirmation';
type Fault = 'drop' | 'unavailable' | 'malformed';
interface Reply { status: number; payload: unknown }
export interface RecordedRequest { route: Route; idempotencyKey: string | null; body: string }
export interface StandInActivation { password: string; studentNumber: string; state: 'pending' | 'active'; confirmations: number }

export async function startStandInServer(profile: Profile) {
  const recipient = createRecipient();
  const token = `borne-test.${randomBytes(24).toString('base64url')}`;
  const requests: RecordedRequest[] = [];
  const activations = new Map<string, StandInActivation>();
  const replays = new Map<string, { body: string; reply: Reply }>();
  const faults: { route: Route; fault: Fault }[] = [];

  function refuse(code: AppError['code'], details: Omit<AppError, 'code'> = {}): Reply {
    return { status: HTTP_STATUS_BY_CODE[code], payload: { error: { code, ...details } } };
  }

  function parse<S extends z.ZodType>(schema: S, value: unknown): { data: z.infer<S> } | { reply: Reply } {
    const parsed = parseWith(schema, value);
    return parsed.ok ? { data: parsed.data } : { reply: refuse('INVALID_INPUT', { fields: parsed.problems }) };
  }

  function match(identity: IdentityInput): StandInPerson | undefined {
    const person = STAND_IN_PEOPLE.find((candidate) => candidate.studentNumber === identity['studentNumber']);
    const same = person && namesMatch(identity['lastName'] ?? '', person.lastName) && namesMatch(identity['firstName'] ?? '', person.firstName)
      && identity['birthDate'] === person.birthDate;
    return same ? person : undefined;
  }

  function eligibility(identity: IdentityInput): { person: StandInPerson } | { reply: Reply } {
    const checked = parse(identitySchemaFor(profile), identity);
    if ('reply' in checked) return checked;
    const person = match(checked.data);
    if (!person) return { reply: refuse('IDENTITY_MISMATCH') };
    if (person.outcome === 'NOT_YET_OPEN') return { reply: refuse('NOT_YET_OPEN', { opensAt: STAND_IN_OPENS_AT }) };
    if (person.outcome === 'THROTTLED') return { reply: refuse('THROTTLED', { retryAfterS: 60 }) };
    if (person.outcome !== 'eligible') return { reply: refuse(person.outcome) };
    return { person };
  }

  function open<S extends z.ZodType>(sealedBody: unknown, schema: S) {
    try {
      return parse(schema, JSON.parse(openSealedBoxReference(sealedBody as never, recipient.privateKey)));
    } catch {
      return { reply: refuse('INVALID_INPUT') };
    }
  }

  function lookup(body: unknown): Reply {
    const request = parse(LookupRequestSchema, body);
    if ('reply' in request) return request.reply;
    if (request.data.profileId !== profile.id) return refuse('NOT_FOUND');
    const decided = eligibility(request.data.identity);
    return 'reply' in decided ? decided.reply : { status: 200, payload: { eligible: true } };
  }

  function activate(body: unknown): Reply {
    const request = parse(ActivationRequestSchema, body);
    if ('reply' in request) return request.reply;
    const secret = open(request.data.sealed, ActivationSecretSchema);
    if ('reply' in secret) return secret.reply;
    const decided = eligibility(secret.data.identity);
    if ('reply' in decided) return decided.reply;
    const activationId = `act_${randomBytes(12).toString('base64url')}`;
    const password = generatePassword(profile.password.mode === 'generated' ? profile.password.length : 8);
    activations.set(activationId, { password, studentNumber: decided.person.studentNumber, state: 'pending', confirmations: 0 });
    const email = `${decided.person.firstName}.${decided.person.lastName}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase();
    return { status: 201, payload: { activationId, login: `e${decided.person.studentNumber}`, email: `${email}@${profile.account.emailDomain}`,
      password, expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() } };
  }

  function confirm(activationId: string, body: unknown): Reply {
    const request = parse(ConfirmationRequestSchema, body);
    if ('reply' in request) return request.reply;
    const activation = activations.get(activationId);
    if (!activation) return refuse('NOT_FOUND');
    const secret = open(request.data.sealed, ConfirmationSecretSchema);
    if ('reply' in secret) return secret.reply;
    if (secret.data.password !== activation.password) return refuse('PASSWORD_MISMATCH');
    activation.confirmations += 1;
    activation.state = 'active';
    return { status: 200, payload: { state: 'active', activatedAt: new Date().toISOString() } };
  }

  /** The same key is applied at most once: a retry gets the stored answer, a different body 422. */
  function once(key: string | undefined, body: string, apply: () => Reply): Reply {
    const parsedKey = IdempotencyKeySchema.safeParse(key);
    if (!parsedKey.success) return refuse('INVALID_INPUT', { fields: [{ key: 'Idempotency-Key', reason: 'format' }] });
    const seen = replays.get(parsedKey.data);
    if (seen) return seen.body === body ? seen.reply : refuse('INVALID_INPUT');
    const reply = apply();
    if (reply.status < 500) replays.set(parsedKey.data, { body, reply });
    return reply;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const confirmation = /^\/v1\/activations\/([A-Za-z0-9_-]{8,64})\/confirmation$/.exec(url.pathname);
    const route: Route | null = url.pathname === '/v1/terminal/config' ? 'terminalConfig' : url.pathname === '/v1/lookups' ? 'lookups'
      : url.pathname === '/v1/activations' ? 'activations' : confirmation ? 'confirmation' : null;
    const key = request.headers['idempotency-key'];
    if (route) requests.push({ route, idempotencyKey: typeof key === 'string' ? key : null, body });
    const faultIndex = faults.findIndex((entry) => entry.route === route);
    const fault = faultIndex >= 0 ? faults.splice(faultIndex, 1)[0]?.fault : undefined;
    if (fault === 'unavailable') return send(response, { status: 503, payload: { error: { code: 'OFFLINE' } } });
    if (fault === 'malformed') return send(response, { status: 200, payload: { eligible: 'yes', activationId: 1 } });
    let reply: Reply;
    if (request.headers.authorization !== `Bearer ${token}`) reply = refuse('UNAUTHORIZED');
    else if (route === null) reply = refuse('NOT_FOUND');
    else if (route === 'terminalConfig') reply = { status: 200, payload: { terminalId: 'borne-test', sealingKey: recipient.sealingKey, serverTime: new Date().toISOString() } };
    else {
      const json = safeJson(body);
      if (route === 'lookups') reply = lookup(json);
      else if (route === 'activations') reply = once(typeof key === 'string' ? key : undefined, body, () => activate(json));
      else reply = once(typeof key === 'string' ? key : undefined, body, () => confirm(confirmation?.[1] ?? '', json));
    }
    // A dropped response: the work is done and remembered, but the kiosk never hears back.
    if (fault === 'drop') return void response.socket?.destroy();
    send(response, reply);
  }

  return {
    ...(await serveOnLoopback(handle)),
    token,
    requests,
    activations,
    inject(route: Route, fault: Fault, times = 1): void {
      for (let index = 0; index < times; index += 1) faults.push({ route, fault });
    },
  };
}

/** `handle` served on a loopback port the system picks, that can go down and come back on it. */
export async function serveOnLoopback(handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>) {
  let server: Server = createServer((request, response) => void handle(request, response));
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Stops listening and cuts every open connection: the server is down. */
    async stop(): Promise<void> {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    /** Comes back on the same port, with the same state. */
    async restart(): Promise<void> {
      server = createServer((request, response) => void handle(request, response));
      await listen(server, port);
    },
  };
}

export type StandInServer = Awaited<ReturnType<typeof startStandInServer>>;

function generatePassword(length: number): string {
  for (;;) {
    const candidate = Array.from({ length }, () => UNAMBIGUOUS_ALPHABET[randomInt(UNAMBIGUOUS_ALPHABET.length)]).join('');
    if (isWellFormedGeneratedPassword(candidate, length)) return candidate;
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.payload));
}
