import { STAFF_TOKEN_HEADER } from '../../../../shared/contract/staff-api';
import { loadServerKeys } from '../../../../server/crypto/server-keys';
import { totpCode } from '../../../../server/crypto/totp';
import { createStaffAccount } from '../../../../server/services/staff-account-service';
import { issueTerminalToken } from '../../../../server/services/terminal-service';
import type { HttpAnswer, ServerHarness } from './server-harness';

/** The second terminal `addTerminal` registers by default ("another terminal's token" tests). */
export const OTHER_TERMINAL_ID = 'borne-autre';

/** Creates a staff account straight in the harness's data folder (as the CLI does), the server running. */
export async function createStaff(
  harness: ServerHarness,
  input: { username: string; displayName?: string; role: 'agent' | 'admin'; totp?: boolean; email?: string },
): Promise<{ password: string; totpSecret?: string }> {
  return harness.withStore(async (store) => {
    const created = await createStaffAccount(
      { store, keys: loadServerKeys(harness.dataDir), now: harness.clock.now },
      { username: input.username, displayName: input.displayName ?? input.username, role: input.role, email: input.email, totp: input.totp },
    );
    return created.totpSecret ? { password: created.password, totpSecret: created.totpSecret } : { password: created.password };
  });
}

/** Registers another terminal and returns its bearer token. */
export async function addTerminal(harness: ServerHarness, terminalId = OTHER_TERMINAL_ID, name = 'Autre borne'): Promise<string> {
  return harness.withStore((store) => issueTerminalToken(store, terminalId, name, harness.clock.now()));
}

/** The code an authenticator app would show now, on the harness's clock. */
export function currentTotp(harness: ServerHarness, totpSecret: string): string {
  return totpCode(totpSecret, harness.clock.now());
}

export function signInCall(harness: ServerHarness, username: string, password: string, options: { totp?: string; terminalToken?: string } = {}): Promise<HttpAnswer> {
  const body = options.totp === undefined ? { username, password } : { username, password, totp: options.totp };
  return harness.request('POST', '/v1/staff/sessions', { body, token: options.terminalToken ?? harness.token });
}

/** Signs in over HTTP and returns the staff token; throws with the error code on refusal. */
export async function signIn(harness: ServerHarness, username: string, password: string, options: { totp?: string; terminalToken?: string } = {}): Promise<string> {
  const answer = await signInCall(harness, username, password, options);
  const token = answer.body['token'];
  if (answer.status !== 201 || typeof token !== 'string') throw new Error(`staff sign-in refused: ${answer.status} ${answer.body.error?.code ?? answer.text}`);
  return token;
}

export function staffHeaders(harness: ServerHarness, staffToken: string, terminalToken?: string): Record<string, string> {
  return { authorization: `Bearer ${terminalToken ?? harness.token}`, [STAFF_TOKEN_HEADER]: staffToken };
}

/** One staff call: the terminal's bearer token (the harness's own unless given) and the staff token. */
export function staffCall(harness: ServerHarness, method: string, path: string, staffToken: string, body?: unknown, terminalToken?: string): Promise<HttpAnswer> {
  return harness.request(method, path, { body, headers: { [STAFF_TOKEN_HEADER]: staffToken }, token: terminalToken ?? harness.token });
}
