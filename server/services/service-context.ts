import type { KeyObject } from 'node:crypto';
import type { ServerKeys } from '../crypto/server-keys';
import type { ProfileRegistry } from '../profiles/profile-registry';
import type { Db } from '../store/connection';

/** What every service needs; built once in `buildApp`, with `now` injectable for fake clocks. */
export interface ServiceContext {
  db: Db;
  profiles: ProfileRegistry;
  keys: ServerKeys;
  sealingPrivateKey: KeyObject;
  now: () => Date;
}
