import { loadServerKeys } from '../crypto/server-keys';
import { staffList } from '../services/admin-service';
import { StaffAccountExistsError, createStaffAccount, disableStaff } from '../services/staff-account-service';
import { openServerStore } from '../store/sqlite/server-database';
import type { Command } from './cli-args';
import type { CliIo } from './cli-commands';

type StaffCommand = Extract<Command, { command: 'staff create' | 'staff disable' | 'staff list' }>;

/**
 * `staff create|disable|list` (issue 6): the first admin is created here. The generated
 * password and the otpauth URI are printed once; only the hash and sealed secret are kept.
 * Audited with `system` as the actor.
 */
export async function runStaffCommand(command: StaffCommand, io: CliIo): Promise<number> {
  const keys = loadServerKeys(command.dataDir);
  const store = openServerStore(command.dataDir);
  const ctx = { store, keys, now: () => new Date() };
  try {
    switch (command.command) {
      case 'staff create': {
        try {
          const created = await createStaffAccount(ctx, { username: command.username, displayName: command.name, role: command.role, email: command.email, totp: command.totp });
          io.out(`staff ${command.username} (${command.role}) created; password (shown once, only its hash is stored):`);
          io.out(created.password);
          if (created.totpUri) {
            io.out('second factor: add this URI to an authenticator app (shown once):');
            io.out(created.totpUri);
          }
          return 0;
        } catch (error) {
          if (!(error instanceof StaffAccountExistsError)) throw error;
          io.err(error.message);
          return 1;
        }
      }
      case 'staff disable': {
        const disabled = await disableStaff(ctx, command.username);
        io.out(disabled ? `staff ${command.username} disabled; open sessions ended` : `staff ${command.username}: unknown or already disabled`);
        return disabled ? 0 : 1;
      }
      case 'staff list': {
        for (const item of await staffList(ctx)) {
          const flags = [item.totp ? 'totp' : '', item.disabledAt ? `disabled ${item.disabledAt}` : ''].filter(Boolean).join(', ');
          io.out(`${item.username}\t${item.role}\t${item.displayName}${flags ? `\t(${flags})` : ''}`);
        }
        return 0;
      }
    }
  } finally {
    await store.close();
  }
}
