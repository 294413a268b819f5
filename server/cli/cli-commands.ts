import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureServerKeys, loadServerKeys, serverKeysExist } from '../crypto/server-keys';
import { formatImportProblem, importEnrollmentsCsv } from '../import/enrollment-csv-import';
import { startServer } from '../listen';
import { mailConfigFromEnv } from '../mail/mail-config';
import { loadProfiles } from '../profiles/profile-registry';
import { openServerStore } from '../store/sqlite/server-database';
import type { Command } from './cli-args';
import { runAuditCommand } from './audit-commands';
import { runFleetCommand, runTerminalCommand } from './fleet-commands';
import { runFollowUpsCommand } from './follow-up-commands';
import { issueLetters, sweep } from './letter-commands';
import { runStaffCommand } from './staff-commands';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** Runs one command; resolves to the process exit code (serve resolves only once it stops). */
export async function runCommand(command: Command, io: CliIo, defaultProfilesDir: string): Promise<number> {
  switch (command.command) {
    case 'keys create': {
      const existed = serverKeysExist(command.dataDir);
      ensureServerKeys(command.dataDir);
      io.out(existed ? `keys already present in ${command.dataDir} (kept)` : `keys created in ${command.dataDir}`);
      return 0;
    }
    case 'terminals create':
    case 'terminals revoke':
      return runTerminalCommand(command, io);
    case 'import': {
      const keys = loadServerKeys(command.dataDir);
      const profile = loadProfiles(command.profilesDir ?? defaultProfilesDir).get(command.profile);
      if (!profile) {
        io.err(`unknown profile ${command.profile}`);
        return 2;
      }
      const store = openServerStore(command.dataDir);
      try {
        const outcome = await importEnrollmentsCsv(store, profile, keys.recordKey, readFileSync(command.file, 'utf8'));
        if (!outcome.ok) {
          for (const problem of outcome.problems) io.err(formatImportProblem(problem));
          io.err('nothing imported');
          return 1;
        }
        io.out(`${outcome.imported} enrollment(s) imported for ${profile.id}`);
        return 0;
      } finally {
        await store.close();
      }
    }
    case 'credentials issue':
      return issueLetters(command, io, defaultProfilesDir);
    case 'sweep':
      return sweep(command, io, defaultProfilesDir);
    case 'serve':
      return serve(command, io, defaultProfilesDir);
    case 'staff create':
    case 'staff disable':
    case 'staff list':
    case 'staff enable':
    case 'staff reset-password':
    case 'staff role':
      return runStaffCommand(command, io);
    case 'audit verify':
    case 'audit export':
      return runAuditCommand(command, io);
    case 'fleet':
      return runFleetCommand(command, io);
    case 'followups list':
      return runFollowUpsCommand(command, io);
  }
}

async function serve(command: Extract<Command, { command: 'serve' }>, io: CliIo, defaultProfilesDir: string): Promise<number> {
  const server = await startServer({
    dataDir: command.dataDir,
    profilesDir: command.profilesDir ?? defaultProfilesDir,
    host: command.host,
    port: command.port,
    logger: { level: 'info' },
    mail: { ...mailConfigFromEnv(process.env), smtpUrl: command.smtpUrl, publicUrl: command.publicUrl },
  });
  io.out(`enrollment API listening on ${server.url} (data: ${join(command.dataDir)})`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}
