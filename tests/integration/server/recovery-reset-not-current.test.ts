import { describe, expect, it } from 'vitest';
import { requestRecovery, resetCodeOf, resetPassword, useServerWithSink } from './helpers/recovery-calls';

/**
 * `notCurrent` in a reset (idf-lycee, parents-scolarite: a *new* password): the password the
 * account has now, checked against its active hash, is refused with PASSWORD_POLICY; a profile
 * without the rule (ent77-college) takes it back.
 */
const running = useServerWithSink();

/** Asks for a reset code for `login` and returns the recovery id with the new code read from the mailbox (none of `seen`). */
async function codeFor(profileId: string, login: string, to: string, ...seen: string[]): Promise<{ recoveryId: string; code: string }> {
  const { server, sink } = running();
  const asked = await requestRecovery(server, profileId, { kind: 'password', fields: { login } });
  expect(asked.status).toBe(202);
  const mail = await sink.waitFor((candidate) => candidate.to.includes(to) && !seen.includes(resetCodeOf(candidate)));
  return { recoveryId: String(asked.body['recoveryId']), code: resetCodeOf(mail) };
}

describe('POST /v1/recoveries/:recoveryId/reset and the current password', () => {
  it('refuses the current password with rules [notCurrent], keeps the code, and takes another password', async () => {
    const { server } = running();
    const first = await codeFor('idf-lycee', 'emma.fabre', 'emma.fabre@example.org');
    expect((await resetPassword(server, first.recoveryId, first.code, 'Lycee-Neuf-2026')).status).toBe(200);
    const second = await codeFor('idf-lycee', 'emma.fabre', 'emma.fabre@example.org', first.code);
    const same = await resetPassword(server, second.recoveryId, second.code, 'Lycee-Neuf-2026');
    expect(same.status).toBe(422);
    expect(same.body.error).toEqual({ code: 'PASSWORD_POLICY', rules: ['notCurrent'] });
    // Only the password was refused: the same code still sets a new one.
    const other = await resetPassword(server, second.recoveryId, second.code, 'Lycee-Autre-77');
    expect(other.body).toEqual({ state: 'reset', login: 'emma.fabre' });
  });

  it('compares exactly (parents-scolarite): another case is another password, the current one again is refused', async () => {
    const { server } = running();
    const first = await codeFor('parents-scolarite', 'c.morel44', 'claire.morel@example.org');
    expect((await resetPassword(server, first.recoveryId, first.code, 'Jardin2026')).status).toBe(200);
    const second = await codeFor('parents-scolarite', 'c.morel44', 'claire.morel@example.org', first.code);
    expect((await resetPassword(server, second.recoveryId, second.code, 'jardin2026')).status).toBe(200);
    const third = await codeFor('parents-scolarite', 'c.morel44', 'claire.morel@example.org', first.code, second.code);
    const same = await resetPassword(server, third.recoveryId, third.code, 'jardin2026');
    expect(same.body.error).toEqual({ code: 'PASSWORD_POLICY', rules: ['notCurrent'] });
  });

  it('lets a profile without the rule (ent77-college) set the same password again', async () => {
    const { server } = running();
    const first = await codeFor('ent77-college', 'jules.marchand', 'jules.marchand@example.org');
    expect((await resetPassword(server, first.recoveryId, first.code, 'Velo-Rouge-42')).status).toBe(200);
    const second = await codeFor('ent77-college', 'jules.marchand', 'jules.marchand@example.org', first.code);
    expect((await resetPassword(server, second.recoveryId, second.code, 'Velo-Rouge-42')).body).toEqual({ state: 'reset', login: 'jules.marchand' });
  });
});
