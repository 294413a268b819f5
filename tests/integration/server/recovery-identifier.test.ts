import { describe, expect, it } from 'vitest';
import { requestRecovery, useServerWithSink } from './helpers/recovery-calls';

const running = useServerWithSink();

const CLAIRE = 'claire.morel@example.org';

describe('POST /v1/recoveries, kind identifier ("identifiant oublié", parents)', () => {
  it('mails the identifier to the typed address when the child\'s birth date matches; answers the same shape either way', async () => {
    const { server, sink } = running();
    const wrongDate = await requestRecovery(server, 'parents-scolarite', { kind: 'identifier', email: CLAIRE, fields: { childBirthDate: '2012-02-18' } });
    const stranger = await requestRecovery(server, 'parents-scolarite', { kind: 'identifier', email: 'inconnu@example.org', fields: { childBirthDate: '2012-02-17' } });
    const known = await requestRecovery(server, 'parents-scolarite', { kind: 'identifier', email: 'Claire.Morel@Example.org', fields: { childBirthDate: '2012-02-17' } });
    for (const answer of [wrongDate, stranger, known]) {
      expect(answer.status).toBe(202);
      expect(Object.keys(answer.body).sort()).toEqual(['recoveryId', 'sentTo']);
    }
    expect([wrongDate.body['sentTo'], stranger.body['sentTo']]).toEqual(['c***@example.org', 'i***@example.org']);
    expect(known.body['sentTo']).toBe('C***@Example.org');
    const mail = await sink.waitFor((candidate) => candidate.to.some((to) => to.toLowerCase().includes(CLAIRE)));
    expect(mail.subject).toContain('Votre identifiant');
    expect(mail.text).toContain('- c.morel44');
    expect(mail.text).toContain("L'identifiant n'est pas modifiable");
    expect(sink.messages).toHaveLength(1);
  });

  it('asks for the address: without it, INVALID_INPUT naming the field', async () => {
    const { server } = running();
    const answer = await requestRecovery(server, 'parents-scolarite', { kind: 'identifier', fields: { childBirthDate: '2012-02-17' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: 'INVALID_INPUT', fields: [{ key: 'sealed.email', reason: 'required' }] });
  });
});
