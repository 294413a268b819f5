import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeCode } from '../../../shared/policies/secret-codes';
import { migrate } from '../../../server/store/sqlite/migrate';
import { MIGRATIONS } from '../../../server/store/sqlite/migrations/index';
import { openDatabase } from '../../../server/store/sqlite/connection';
import { EmailProofHarness, codeOf, linkOf } from './email-proof-harness';
import { join } from 'node:path';

let harness: EmailProofHarness;
beforeEach(async () => {
  harness = await EmailProofHarness.start();
});
afterEach(async () => {
  await harness.close();
});

function found(bytes: Buffer, secret: string): boolean {
  return bytes.includes(Buffer.from(secret, 'utf8'));
}

describe('email proofs at rest (secrets never in a SQLite file in clear)', () => {
  it('neither the code, nor the link token, nor the address, nor the login is in the database or its WAL', async () => {
    const pending = await harness.pending({ to: 'camille.martineau@exemple.fr' });
    const first = await harness.nextMail(pending.to);
    expect((await harness.resend(pending.activationId)).status).toBe(200);
    const second = await harness.nextMail(pending.to);
    expect((await harness.confirmCode(pending.activationId, codeOf(second))).status).toBe(200);
    const secrets = [pending.to, 'camille.martineau', pending.login];
    for (const mail of [first, second]) {
      secrets.push(codeOf(mail), normalizeCode(codeOf(mail)), new URL(linkOf(mail)).pathname.split('/').pop() ?? 'missing');
    }
    const running = harness.databaseBytes();
    expect(running.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(found(running, secret), `a ${secret.length}-character secret in the files`).toBe(false);
    // The masked form is what is kept for answers.
    expect(found(running, 'c***@exemple.fr')).toBe(true);
    await harness.stop();
    const checkpointed = harness.databaseBytes();
    for (const secret of secrets) expect(found(checkpointed, secret), `a ${secret.length}-character secret after checkpoint`).toBe(false);
  });
});

describe('migration 007 (email_proofs)', () => {
  it('adds a STRICT table keyed by activation, with unique link hashes, on top of 006', () => {
    const db = openDatabase(join(harness.dataDir, 'migration-007.sqlite'));
    try {
      expect(migrate(db, MIGRATIONS, 6)).toBe(6);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'email_proofs'").get()).toBeUndefined();
      expect(migrate(db)).toBe(MIGRATIONS.length);
      const table = db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'email_proofs'").get() as { strict: number };
      expect(table.strict).toBe(1);
      const columns = (db.prepare("SELECT name FROM pragma_table_info('email_proofs')").all() as { name: string }[]).map((row) => row.name);
      expect(columns).toEqual([
        'activation_id', 'code_hash', 'link_hash', 'sent_to_enc', 'sent_to_masked', 'login_enc', 'locale',
        'sends', 'attempts', 'created_at', 'last_sent_at', 'expires_at', 'used_at',
      ]);
      const indexes = db.prepare("SELECT \"unique\" AS isUnique, origin FROM pragma_index_list('email_proofs')").all() as { isUnique: number; origin: string }[];
      expect(indexes.filter((index) => index.isUnique === 1).map((index) => index.origin).sort()).toEqual(['pk', 'u']);
      const foreign = db.prepare("SELECT \"table\" AS target, on_delete AS onDelete FROM pragma_foreign_key_list('email_proofs')").all();
      expect(foreign).toEqual([{ target: 'activations', onDelete: 'CASCADE' }]);
    } finally {
      db.close();
    }
  });
});
