import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoPerson, profilePerson } from './helpers/demo-person';
import { newKey, useServerHarness } from './helpers/server-harness';

const harness = useServerHarness();

/** Every SQLite byte on disk: the database, its WAL and shared-memory files. */
function databaseBytes(): Buffer {
  const files = readdirSync(harness().dataDir).filter((name) => name.startsWith('enrollment.sqlite'));
  expect(files).toContain('enrollment.sqlite');
  return Buffer.concat(files.map((name) => readFileSync(join(harness().dataDir, name))));
}

describe('secrets at rest (LOCKDOWN.md #18)', () => {
  it('the SQLite and WAL files never hold a generated password, a student number or a birth date in clear', async () => {
    const identity = demoPerson('eligible', 1);
    const first = await harness().activate(identity, newKey());
    const second = await harness().activate(identity, newKey());
    const password = String(second.body['password']);
    expect((await harness().confirm(String(second.body['activationId']), password, newKey())).status).toBe(200);
    const files = readdirSync(harness().dataDir);
    expect(files).toContain('enrollment.sqlite-wal');
    const bytes = databaseBytes();
    for (const secret of [password, String(first.body['password']), identity.studentNumber, identity.birthDate, 'Lefèvre', 'lefevre']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), `found a ${secret.length}-character secret`).toBe(false);
    }
    await harness().restart();
    const afterCheckpoint = databaseBytes();
    expect(afterCheckpoint.includes(Buffer.from(password))).toBe(false);
    expect(afterCheckpoint.includes(Buffer.from(identity.studentNumber))).toBe(false);
  });

  it('never holds a chosen password, a letter code, an identifier, an email address or a mobile in clear', async () => {
    const pupil = profilePerson('ent77-college', 'eligible');
    const choice = { password: 'Trampoline7', email: 'manon.parent@example.org', mobile: '0698765432', termsVersion: 'ent77-2026', locale: 'fr' };
    expect((await harness().activateWith('ent77-college', { identity: pupil, choice }, newKey())).status).toBe(201);
    const student = profilePerson('um-etudiant', 'eligible');
    const umChoice = { password: 'q8Zt-Lw3p-Rx9k', locale: 'fr' };
    expect((await harness().activateWith('um-etudiant', { identity: student, choice: umChoice }, newKey())).status).toBe(201);
    const parent = profilePerson('parents-scolarite', 'eligible');
    const parentChoice = { password: 'Gq7wLz3pRt', email: 'n.girard@example.org', locale: 'fr' };
    expect((await harness().activateWith('parents-scolarite', { identity: parent, choice: parentChoice }, newKey())).status).toBe(201);
    const secrets = [
      choice.password,
      choice.email,
      choice.mobile,
      'HT4K9WPM',
      'HT4K-9WPM',
      'manon.leclerc',
      'n.girard31',
      'W9JDK4TB',
      parent['childBirthDate'] ?? 'missing',
      umChoice.password,
      'yanis.delmas@example.org',
      student['studentNumber'] ?? 'missing',
      parentChoice.password,
      parentChoice.email,
    ];
    for (const bytes of [databaseBytes(), (await harness().restart(), databaseBytes())]) {
      for (const secret of secrets) expect(bytes.includes(Buffer.from(secret, 'utf8')), `found a ${secret.length}-character secret`).toBe(false);
    }
  });

  it('keeps only hashes of terminal tokens', () => {
    const bytes = databaseBytes();
    expect(bytes.includes(Buffer.from(harness().token.split('.')[1] ?? 'missing'))).toBe(false);
  });
});
