import { loadServerKeys } from '../crypto/server-keys';
import { staffList } from '../services/admin-service';
import { StaffAccountExistsError, changeStaffRole, createStaffAccount, disableStaff, enableStaff, resetStaffPassword } from '../services/staff-account-service';
import { openServerStore } from '../store/sqlite/server-database';
import type { Command } from './cli-args';
import type { CliIo } from './cli-commands';

type StaffCommand = Extract<Command, { command: `staff ${string}` }>;

/**
 * `staff create|disable|enable|reset-password|role|list` (issue 6): the first admin is created
 * here. Generated passwords and the otpauth URI are printed once; only the hash and sealed
 * secret are kept. Every change is audited with `system` as the actor.
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
      case 'staff enable': {
        const enabled = await enableStaff(ctx, command.username);
        if (!enabled) io.err(`staff ${command.username}: unknown or not disabled`);
        else io.out(`staff ${command.username} enabled; they sign in again with their password`);
        return enabled ? 0 : 1;
      }
      case 'staff reset-password': {
        const reset = await resetStaffPassword(ctx, command.username);
        if (!reset) {
          io.err(`staff ${command.username}: unknown`);
          return 1;
        }
        io.out(`staff ${command.username}: new password (shown once, only its hash is stored); ${reset.sessionsEnded} open session(s) ended:`);
        io.out(reset.password);
        return 0;
      }
      case 'staff role': {
        const changed = await changeStaffRole(ctx, command.username, command.role);
        if (!changed) io.err(`staff ${command.username}: unknown or already ${command.role}`);
        else io.out(`staff ${command.username} is now ${command.role}, from their next call`);
        return changed ? 0 : 1;
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
