import { describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../../server/audit/audit-log';
import type { AuditEntry } from '../../../../shared/contract/staff-api';
import { demoPerson, profilePerson } from '../helpers/demo-person';
import { otherCodeThan, requestRecovery, resetCodeOf, resetPassword, useServerWithSink } from '../helpers/recovery-calls';
import { TERMINAL_ID, newKey } from '../helpers/server-harness';
import type { ServerHarness } from '../helpers/server-harness';

const running = useServerWithSink();
const PERSON = /^[a-z0-9-]+:[A-Za-z0-9_-]{16}$/;

async function trail(server: ServerHarness): Promise<AuditEntry[]> {
  return server.withStore(async (store) => await listAudit(store));
}

function view(entry: AuditEntry | undefined) {
  return entry && { actorKind: entry.actorKind, actor: entry.actor, terminalId: entry.terminalId, action: entry.action, outcome: entry.outcome, details: entry.details };
}

/** Every value typed at the terminal, as typed and as the server normalises it: none may be in the trail. */
function typedValues(...values: string[]): string[] {
  return values.flatMap((value) => [value, value.replace(/-/g, ''), value.toLowerCase()]);
}

describe('refused activations and recovery resets are audited (issue 6)', () => {
  it('records each refused activation with its code, naming the person only once their identity matched', async () => {
    const { server } = running();
    const pending = demoPerson('PAYMENT_PENDING');
    const notYet = demoPerson('NOT_YET_OPEN');
    const camille = demoPerson('eligible');
    const wrongCamille = { ...camille, birthDate: '2006-04-13' };
    const before = (await trail(server)).length;
    expect((await server.activate(pending, newKey())).body.error?.code).toBe('PAYMENT_PENDING');
    expect((await server.activate(pending, newKey())).body.error?.code).toBe('PAYMENT_PENDING');
    expect((await server.activate(notYet, newKey())).body.error?.code).toBe('NOT_YET_OPEN');
    const refusals: string[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) refusals.push(String((await server.activate(wrongCamille, newKey())).body.error?.code));
    expect(refusals).toEqual(['IDENTITY_MISMATCH', 'IDENTITY_MISMATCH', 'IDENTITY_MISMATCH', 'IDENTITY_MISMATCH', 'IDENTITY_MISMATCH', 'THROTTLED']);
    const entries = (await trail(server)).slice(before);
    expect(entries.map((entry) => [entry.action, entry.outcome])).toEqual([
      ['activation.refused', 'PAYMENT_PENDING'],
      ['activation.refused', 'PAYMENT_PENDING'],
      ['activation.refused', 'NOT_YET_OPEN'],
      ...Array.from({ length: 5 }, () => ['activation.refused', 'IDENTITY_MISMATCH']),
      ['activation.refused', 'THROTTLED'],
    ]);
    expect(view(entries[0])).toEqual({ actorKind: 'terminal', actor: TERMINAL_ID, terminalId: TERMINAL_ID, action: 'activation.refused', outcome: 'PAYMENT_PENDING', details: {} });
    // The same person twice is the same pseudonym; another person is another one.
    expect(entries[0]?.subject).toMatch(PERSON);
    expect(entries[0]?.subject?.startsWith('cergy-etudiant:')).toBe(true);
    expect(entries[1]?.subject).toBe(entries[0]?.subject);
    expect(entries[2]?.subject).toMatch(PERSON);
    expect(entries[2]?.subject).not.toBe(entries[0]?.subject);
    // Before every field matched, nobody is named: the profile only.
    for (const entry of entries.slice(3)) {
      expect(entry.subject).toBeNull();
      expect(entry.details).toEqual({ profile: 'cergy-etudiant' });
    }
    const text = JSON.stringify(entries);
    for (const value of [...Object.values(pending), ...Object.values(notYet), ...Object.values(wrongCamille)]) expect(text).not.toContain(value);
    expect((await server.withStore(verifyAuditChain)).ok).toBe(true);
  });

  it('records a used letter code, then the recovery resets refused and done, all about the same person and without a code or password', async () => {
    const { server, sink } = running();
    const jules = profilePerson('ent77-college', 'CODE_USED');
    const choice = { password: 'Trampoline7', email: 'jules.parent@example.org', termsVersion: 'ent77-2026', locale: 'fr' };
    expect((await server.activateWith('ent77-college', { identity: jules, choice }, newKey())).body.error?.code).toBe('CODE_USED');
    const asked = await requestRecovery(server, 'ent77-college', { kind: 'password', fields: { login: String(jules['login']) } });
    const recoveryId = String(asked.body['recoveryId']);
    const code = resetCodeOf(await sink.waitFor((mail) => mail.to.includes('jules.marchand@example.org')));
    const nobody = await requestRecovery(server, 'ent77-college', { kind: 'password', fields: { login: 'personne.inconnue' } });
    const before = (await trail(server)).length;
    expect((await resetPassword(server, recoveryId, otherCodeThan(code), 'Velo-Rouge-42')).body.error?.code).toBe('CODE_INVALID');
    expect((await resetPassword(server, recoveryId, code, 'abc12')).body.error?.code).toBe('PASSWORD_POLICY');
    const key = newKey();
    expect((await resetPassword(server, recoveryId, code, 'Velo-Rouge-42', key)).status).toBe(200);
    // The retry of a lost answer is the same attempt: no second entry.
    expect((await resetPassword(server, recoveryId, code, 'Velo-Rouge-42', key)).status).toBe(200);
    expect((await resetPassword(server, recoveryId, code, 'Autre-Mot-99')).body.error?.code).toBe('CODE_USED');
    expect((await resetPassword(server, String(nobody.body['recoveryId']), code, 'Velo-Rouge-42')).body.error?.code).toBe('CODE_INVALID');
    expect((await resetPassword(server, 'AAAAAAAAAAAAAAAAAAAAAA', code, 'Velo-Rouge-42')).body.error?.code).toBe('CODE_INVALID');
    const all = await trail(server);
    const usedLetter = all.find((entry) => entry.action === 'activation.refused');
    expect(view(usedLetter)).toEqual({ actorKind: 'terminal', actor: TERMINAL_ID, terminalId: TERMINAL_ID, action: 'activation.refused', outcome: 'CODE_USED', details: {} });
    const jule = usedLetter?.subject;
    expect(jule).toMatch(PERSON);
    const resets = all.slice(before);
    expect(resets.map((entry) => [entry.action, entry.outcome, entry.subject])).toEqual([
      ['recovery.reset', 'CODE_INVALID', jule],
      ['recovery.reset', 'PASSWORD_POLICY', jule],
      ['recovery.reset', 'ok', jule],
      ['recovery.reset', 'CODE_USED', jule],
      // A recovery that matched nobody names nobody; an unknown id not even a profile.
      ['recovery.reset', 'CODE_INVALID', null],
      ['recovery.reset', 'CODE_INVALID', null],
    ]);
    expect(resets[2]?.details).toEqual({ activation: expect.stringMatching(/^[A-Za-z0-9_-]{8}$/) as unknown });
    expect(resets.slice(4).map((entry) => entry.details)).toEqual([{ profile: 'ent77-college' }, {}]);
    const text = JSON.stringify(all);
    const secrets = typedValues(code, otherCodeThan(code), 'Velo-Rouge-42', 'abc12', 'Autre-Mot-99', choice.password, String(jules['activationCode']), String(jules['login']), choice.email, recoveryId);
    for (const secret of secrets) expect(text).not.toContain(`"${secret}`);
    for (const secret of secrets.filter((value) => value.length >= 8)) expect(text).not.toContain(secret);
    expect((await server.withStore(verifyAuditChain)).ok).toBe(true);
  });
});
