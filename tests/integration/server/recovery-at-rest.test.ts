import { describe, expect, it } from 'vitest';
import { profilePerson } from './helpers/demo-person';
import { requestRecovery, resetCodeOf, resetPassword, submitHelp, useServerWithSink } from './helpers/recovery-calls';
import { databaseBytes, newKey } from './helpers/server-harness';

const running = useServerWithSink();

describe('recovery and help requests at rest', () => {
  it('finds an address given at a real activation, and leaves nothing personal in SQLite or its WAL in clear', async () => {
    const { server, sink } = running();
    // A parent activates at the kiosk, giving a personal address (parents seed, step 6).
    const nina = profilePerson('parents-scolarite', 'eligible');
    const choice = { password: 'Lune42Soleil', email: 'nina.girard@example.org', locale: 'fr' };
    expect((await server.activateWith('parents-scolarite', { identity: nina, choice }, newKey())).status).toBe(201);
    await sink.waitFor((mail) => mail.to.includes('nina.girard@example.org'));
    // "Identifiant oublié" finds that record by the keyed hash of the address.
    const identifier = await requestRecovery(server, 'parents-scolarite', {
      kind: 'identifier',
      email: 'nina.girard@example.org',
      fields: { childBirthDate: nina['childBirthDate'] ?? '' },
    });
    expect(identifier.body['sentTo']).toBe('n***@example.org');
    const reminder = await sink.waitFor((mail) => mail.to.includes('nina.girard@example.org') && mail.subject.includes('identifiant'));
    expect(reminder.text).toContain(`- ${nina['login']}`);
    // "Mot de passe oublié" and a reset for an active account, and a help request.
    const asked = await requestRecovery(server, 'parents-scolarite', { kind: 'password', fields: { login: 'c.morel44' } });
    const code = resetCodeOf(await sink.waitFor((mail) => mail.to.includes('claire.morel@example.org')));
    expect((await resetPassword(server, String(asked.body['recoveryId']), code, 'Prune7Cerise')).status).toBe(200);
    const help = { topic: 'activer-compte', name: 'Bruno Vasseur', email: 'bruno.vasseur@example.org', phone: '0698765432', message: 'Code introuvable' };
    expect((await submitHelp(server, 'ent77-college', help)).status).toBe(201);
    const bytes = databaseBytes(server.dataDir);
    const secrets = [
      'nina.girard@example.org',
      'claire.morel@example.org',
      'c.morel44',
      String(nina['login']),
      '2012-02-17',
      String(nina['childBirthDate']),
      code,
      code.replace('-', ''),
      'Prune7Cerise',
      'Lune42Soleil',
      help.name,
      help.email,
      help.phone,
      help.message,
    ];
    for (const secret of secrets) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
  });
});
