import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseWith } from '../../shared/contract/parse';
import { SEALED_BOX_ALGORITHM } from '../../shared/crypto/sealed-box-schema';
import { generateSealingKeyPair } from './sealed-box';
import type { SealingKeyPair } from './sealed-box';

/**
 * The server's two secrets, each a 0600 file in the data folder, never in the database:
 * `sealing-key.json` (X25519 pair the kiosks seal to) and `record-key.json` (HMAC key of the
 * identity hashes; losing it makes the enrollment table unreadable, so it is never replaced).
 */
const base64url = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const SealingKeyFileSchema = z.object({ alg: z.literal(SEALED_BOX_ALGORITHM), publicKey: base64url, privateKey: base64url });
const RecordKeyFileSchema = z.object({ key: base64url });

export interface ServerKeys {
  sealing: SealingKeyPair;
  recordKey: Buffer;
}

/**
 * The audit chain is keyed so that whoever can write the database but not read this folder
 * cannot recompute the hashes after an edit. Derived rather than a third file: the record key
 * is already the one secret that is backed up and never replaced, and HKDF with its own label
 * keeps the two uses apart.
 */
const AUDIT_CHAIN_INFO = 'sesame audit-chain v1';

export function auditChainKey(recordKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recordKey, Buffer.alloc(0), AUDIT_CHAIN_INFO, 32));
}

export class MissingKeysError extends Error {
  constructor(dataDir: string) {
    super(`no server keys in ${dataDir}: run "keys create --data-dir ${dataDir}" first`);
    this.name = 'MissingKeysError';
  }
}

const SEALING_FILE = 'sealing-key.json';
const RECORD_FILE = 'record-key.json';

function readJson<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const parsed = parseWith(schema, JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${file} is malformed: ${parsed.problems.map((p) => p.key).join(', ')}`);
  return parsed.data;
}

export function serverKeysExist(dataDir: string): boolean {
  return existsSync(join(dataDir, SEALING_FILE)) && existsSync(join(dataDir, RECORD_FILE));
}

export function loadServerKeys(dataDir: string): ServerKeys {
  if (!serverKeysExist(dataDir)) throw new MissingKeysError(dataDir);
  const sealing = readJson(join(dataDir, SEALING_FILE), SealingKeyFileSchema);
  const record = readJson(join(dataDir, RECORD_FILE), RecordKeyFileSchema);
  return { sealing: { publicKey: sealing.publicKey, privateKey: sealing.privateKey }, recordKey: Buffer.from(record.key, 'base64url') };
}

/** The HMAC key of the audit chain (server/audit/audit-log.ts), for the store that appends to it. */
export function loadAuditKey(dataDir: string): Buffer {
  const file = join(dataDir, RECORD_FILE);
  if (!existsSync(file)) throw new MissingKeysError(dataDir);
  return auditChainKey(Buffer.from(readJson(file, RecordKeyFileSchema).key, 'base64url'));
}

/** Creates whichever key file is missing (never overwrites one) and returns both keys. */
export function ensureServerKeys(dataDir: string): { keys: ServerKeys; created: boolean } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let created = false;
  const write = (name: string, content: object) => {
    // `wx`: fails rather than replace a key another process just wrote.
    writeFileSync(join(dataDir, name), `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    created = true;
  };
  if (!existsSync(join(dataDir, SEALING_FILE))) write(SEALING_FILE, { alg: SEALED_BOX_ALGORITHM, ...generateSealingKeyPair() });
  if (!existsSync(join(dataDir, RECORD_FILE))) write(RECORD_FILE, { key: randomBytes(32).toString('base64url') });
  return { keys: loadServerKeys(dataDir), created };
}
