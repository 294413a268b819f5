import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadServerKeys } from '../crypto/server-keys';
import { loadProfiles } from '../profiles/profile-registry';
import { credentialKindOf, issueMissingCredentials } from '../services/credential-service';
import { sweepInactive } from '../services/inactivity-sweep';
import type { Store } from '../store/store';
import { openServerStore } from '../store/sqlite/server-database';
import type { Command } from './cli-args';
import type { CliIo } from './cli-commands';

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * `credentials issue`: a letter (activation code or provisional password) for every record of
 * the profile without a live one. The letters file is the only place a code exists in clear,
 * for printing: it is created 0600 and never overwrites a file (an earlier batch may not be
 * printed yet); it is claimed before anything is issued, so a refused file issues nothing.
 */
export async function issueLetters(command: Extract<Command, { command: 'credentials issue' }>, io: CliIo, defaultProfilesDir: string): Promise<number> {
  const keys = loadServerKeys(command.dataDir);
  const profile = loadProfiles(command.profilesDir ?? defaultProfilesDir).get(command.profile);
  if (!profile) {
    io.err(`unknown profile ${command.profile}`);
    return 2;
  }
  if (!credentialKindOf(profile)) {
    io.err(`profile ${profile.id} has no letter (no credential field)`);
    return 2;
  }
  const file = resolve(command.out ?? `letters-${profile.id}.csv`);
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch {
    io.err(`${file} already exists (or cannot be created): nothing issued`);
    return 1;
  }
  let store: Store | undefined;
  let written = false;
  try {
    store = openServerStore(command.dataDir);
    const letters = await issueMissingCredentials(store, profile, keys.recordKey, new Date());
    const lines = ['login,secret,kind,expires_at', ...letters.map((letter) => [letter.login, letter.secret, credentialKindOf(profile) ?? '', letter.expiresAt].map(csvCell).join(','))];
    writeSync(fd, `${lines.join('\r\n')}\r\n`);
    written = true;
    io.out(`${letters.length} letter(s) issued for ${profile.id}, written to ${file} (print it, then delete it)`);
    return 0;
  } finally {
    closeSync(fd);
    await store?.close();
    if (!written) rmSync(file, { force: true });
  }
}

/** `sweep`: the parents seed's deactivation after 3 months and deletion after a year (cron or systemd timer). */
export async function sweep(command: Extract<Command, { command: 'sweep' }>, io: CliIo, defaultProfilesDir: string): Promise<number> {
  const profiles = loadProfiles(command.profilesDir ?? defaultProfilesDir);
  const store = openServerStore(command.dataDir);
  try {
    const outcome = await sweepInactive(store, profiles.values(), new Date());
    io.out(`sweep: ${outcome.deactivated} account(s) deactivated, ${outcome.deleted} deleted`);
    return 0;
  } finally {
    await store.close();
  }
}
