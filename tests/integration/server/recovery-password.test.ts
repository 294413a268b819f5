import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../server/crypto/password-hash';
import { otherCodeThan, requestRecovery, resetCodeOf, resetPassword, useServerWithSink } from './helpers/recovery-calls';

const running = useServerWithSink();

const JULES = { login: 'jules.marchand' };
const NOBODY = { login: 'personne.inconnue' };

function activationsOf(state: string): { state: string; password_hash: string }[] {
  return running().server.readDatabase(
    (db) => db.prepare(`SELECT state, password_hash FROM activations WHERE state = ? ORDER BY created_at`).all(state) as { state: string; password_hash: string }[],
  );
}

describe('POST /v1/recoveries, kind password ("mot de passe oublié")', () => {
  it('answers the same status and body shape for an existing and an unknown person, the same twice for the same unknown input', async () => {
    const { server, sink } = running();
    const unknown = await requestRecovery(server, 'ent77-college', { kind: 'password', fields: NOBODY });
    const unknownAgain = await requestRecovery(server, 'ent77-college', { kind: 'password', fields: NOBODY });
    const known = await requestRecovery(server, 'ent77-college', { kind: 'password', fields: JULES });
    for (const answer of [unknown, unknownAgain, known]) {
      expect(answer.status).toBe(202);
      expect(Object.keys(answer.body).sort()).toEqual(['recoveryId', 'sentTo']);
      expect(answer.body['recoveryId']).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(answer.body['sentTo']).toMatch(/^[a-z]\*\*\*@[a-z.]+$/);
    }
    expect(known.body['sentTo']).toBe('j***@example.org');
    expect(unknownAgain.body['sentTo']).toBe(unknown.body['sentTo']);
    expect(unknownAgain.body['recoveryId']).not.toBe(unknown.body['recoveryId']);
    const mail = await sink.waitFor((candidate) => candidate.to.includes('jules.marchand@example.org'));
    expect(mail.subject).toContain('Réinitialisation de votre mot de passe');
    expect(mail.text).toContain('identifiant : jules.marchand');
    expect(mail.text).toContain('valable 24 h');
    expect(resetCodeOf(mail)).toMatch(/^[A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3}$/);
    // The unknown person's requests came first and sent nothing.
    expect(sink.messages).toHaveLength(1);
  });

  it('resets once with the emailed code and a password the profile accepts; the old code dies with it', async () => {
    const { server, sink } = running();
    const asked = await requestRecovery(server, 'ent77-college', { kind: 'password', fields: JULES });
    const recoveryId = String(asked.body['recoveryId']);
    const code = resetCodeOf(await sink.waitFor((mail) => mail.to.includes('jules.marchand@example.org')));
    const personal = await resetPassword(server, recoveryId, code, 'marchand2026');
    expect(personal.status).toBe(422);
    expect(personal.body.error).toEqual({ code: 'PASSWORD_POLICY', rules: ['notPersonal'] });
    const short = await resetPassword(server, recoveryId, code, 'abc12');
    expect(short.body.error?.code).toBe('PASSWORD_POLICY');
    const done = await resetPassword(server, recoveryId, code, 'Velo-Rouge-42');
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ state: 'reset', login: 'jules.marchand' });
    const active = activationsOf('active');
    expect(active).toHaveLength(1);
    expect(await verifyPassword('Velo-Rouge-42', active[0]?.password_hash ?? '')).toBe(true);
    // A retry of the same reset answers the same; the code cannot set another password.
    expect((await resetPassword(server, recoveryId, code, 'Velo-Rouge-42')).body).toEqual(done.body);
    const again = await resetPassword(server, recoveryId, code, 'Autre-Mot-99');
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('CODE_USED');
    // A second reset supersedes the first password.
    const second = await requestRecovery(server, 'ent77-college', { kind: 'password', fields: JULES });
    const secondCode = resetCodeOf(await sink.waitFor((mail) => mail.to.includes('jules.marchand@example.org') && resetCodeOf(mail) !== code));
    expect((await resetPassword(server, String(second.body['recoveryId']), secondCode, 'Train-Bleu-77')).status).toBe(200);
    expect(activationsOf('active')).toHaveLength(1);
    expect(activationsOf('superseded')).toHaveLength(1);
  });

  it('voids a code after five wrong ones, and an unknown person\'s id behaves exactly the same', async () => {
    const { server, sink } = running();
    const known = await requestRecovery(server, 'ent77-college', { kind: 'password', fields: JULES });
    const unknown = await requestRecovery(server, 'ent77-college', { kind: 'password', fields: NOBODY });
    const code = resetCodeOf(await sink.waitFor((mail) => mail.to.includes('jules.marchand@example.org')));
    for (const recoveryId of [String(known.body['recoveryId']), String(unknown.body['recoveryId'])]) {
      const answers: string[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        answers.push((await resetPassword(server, recoveryId, otherCodeThan(code), 'Velo-Rouge-42')).body.error?.code ?? 'ok');
      }
      expect(answers).toEqual(['CODE_INVALID', 'CODE_INVALID', 'CODE_INVALID', 'CODE_INVALID', 'CODE_EXPIRED']);
      const right = await resetPassword(server, recoveryId, code, 'Velo-Rouge-42');
      expect(right.status).toBe(410);
      expect(right.body.error?.code).toBe('CODE_EXPIRED');
    }
    expect(activationsOf('active')).toHaveLength(0);
  });

  it('expires the code after 24 h; an id nobody was given is CODE_INVALID', async () => {
    const { server, sink } = running();
    const asked = await requestRecovery(server, 'ent77-college', { kind: 'password', fields: JULES });
    const code = resetCodeOf(await sink.waitFor((mail) => mail.to.includes('jules.marchand@example.org')));
    server.clock.advance(24 * 3_600_000);
    expect((await resetPassword(server, String(asked.body['recoveryId']), code, 'Velo-Rouge-42')).body.error?.code).toBe('CODE_EXPIRED');
    expect((await resetPassword(server, 'AAAAAAAAAAAAAAAAAAAAAA', code, 'Velo-Rouge-42')).body.error?.code).toBe('CODE_INVALID');
  });

  it('IDF case 2 (identifier only, account from another school): the code goes to the address on file', async () => {
    const { server, sink } = running();
    const asked = await requestRecovery(server, 'idf-lycee', { kind: 'password', fields: { login: 'emma.fabre' } });
    expect(asked.status).toBe(202);
    expect(asked.body['sentTo']).toBe('e***@example.org');
    const code = resetCodeOf(await sink.waitFor((mail) => mail.to.includes('emma.fabre@example.org')));
    const done = await resetPassword(server, String(asked.body['recoveryId']), code, 'Lycee-Neuf-2026');
    expect(done.body).toEqual({ state: 'reset', login: 'emma.fabre' });
  });

  it('does not reset an account never activated: answered like an unknown person, no mail', async () => {
    const { server, sink } = running();
    const pending = await requestRecovery(server, 'ent77-college', { kind: 'password', fields: { login: 'manon.leclerc' } });
    expect(pending.status).toBe(202);
    expect(pending.body['sentTo']).toMatch(/^[a-z]\*\*\*@/);
    await requestRecovery(server, 'ent77-college', { kind: 'password', fields: JULES });
    await sink.waitFor((mail) => mail.to.includes('jules.marchand@example.org'));
    expect(sink.messages.map((mail) => mail.to)).toEqual([['jules.marchand@example.org']]);
  });

  it('throttles requests per identity like lookups, found or not', async () => {
    const { server } = running();
    for (const fields of [JULES, NOBODY]) {
      for (let attempt = 0; attempt < 5; attempt += 1) expect((await requestRecovery(server, 'ent77-college', { kind: 'password', fields })).status).toBe(202);
      const sixth = await requestRecovery(server, 'ent77-college', { kind: 'password', fields });
      expect(sixth.status).toBe(429);
      expect(sixth.body.error?.code).toBe('THROTTLED');
    }
  });

  it('refuses what the profile does not offer (NOT_FOUND) and fields it does not ask for (INVALID_INPUT)', async () => {
    const { server } = running();
    expect((await requestRecovery(server, 'cergy-etudiant', { kind: 'password', fields: { studentNumber: '21000001' } })).body.error?.code).toBe('NOT_FOUND');
    expect((await requestRecovery(server, 'idf-lycee', { kind: 'identifier', fields: {}, email: 'a@example.org' })).body.error?.code).toBe('NOT_FOUND');
    expect((await requestRecovery(server, 'nope-profile', { kind: 'password', fields: JULES })).body.error?.code).toBe('NOT_FOUND');
    const extra = await requestRecovery(server, 'ent77-college', { kind: 'password', fields: { login: 'jules.marchand', activationCode: 'R8ZN-3CEY' } });
    expect(extra.status).toBe(400);
    expect(extra.body.error?.code).toBe('INVALID_INPUT');
  });
});
