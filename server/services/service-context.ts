import type { KeyObject } from 'node:crypto';
import type { ServerKeys } from '../crypto/server-keys';
import type { Mailer, MailLog } from '../mail/mailer';
import type { ProfileRegistry } from '../profiles/profile-registry';
import type { Store } from '../store/store';

/** What every service needs; built once in `buildApp`, with `now` injectable for fake clocks. */
export interface ServiceContext {
  store: Store;
  profiles: ProfileRegistry;
  keys: ServerKeys;
  sealingPrivateKey: KeyObject;
  now: () => Date;
  /** Sends the activation emails (a relay, or `.eml` files in the data folder). */
  mailer: Mailer;
  /** Base of the links in emails, without a trailing slash (`--public-url`, else the listen URL). */
  publicUrl: string;
  /** Where failures that are not answers go (a mail not sent): stable codes, never secrets. */
  log: MailLog;
}
