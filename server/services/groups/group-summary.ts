import { maskEmail } from '../../../shared/policies/secret-codes';
import type { Board } from '../../../shared/contract/staff-api';
import type { Locale } from '../../../shared/schemas/localized-text-schema';
import { fail, ok } from '../../../shared/contract/result';
import type { Result } from '../../../shared/contract/result';
import { appendAudit } from '../../audit/audit-log';
import { groupSummaryEmail } from '../../mail/group-summary-email';
import { deliverMail } from '../../mail/mailer';
import type { StaffPrincipal } from '../../plugins/staff-auth-plugin';
import type { ServiceContext } from '../service-context';
import { readStaffEmail } from '../staff-account-service';
import { staffAudit } from './group-service';

export const SUMMARY_COLUMNS = ['no', 'label', 'state', 'reason', 'updated_at'] as const;

/**
 * A cell as a spreadsheet reads it: quoted when needed, and a label starting like a formula
 * (`=`, `+`, `-`, `@`) defused with a leading apostrophe, since labels come from a list staff typed.
 */
function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  const defused = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** The board as CSV: row number, label, state, reason, last change. No secret, no identity beyond the label. */
export function summaryCsv(board: Board): string {
  const lines = [SUMMARY_COLUMNS.join(',')];
  for (const member of board.members) {
    lines.push([member.no, member.label, member.state, member.reason, member.updatedAt].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The summary CSV for a download, audited like the mailed one (issue 6: every staff action):
 * who took which group's list, with the row count, never its content.
 */
export async function exportSummaryCsv(ctx: ServiceContext, staff: StaffPrincipal, board: Board): Promise<string> {
  const csv = summaryCsv(board);
  const now = ctx.now();
  await ctx.store.transaction((tx) =>
    appendAudit(tx, { ...staffAudit(staff), action: 'group.summaryExported', subject: board.summary.groupId, outcome: 'ok', details: { members: board.members.length } }, now),
  );
  return csv;
}

/**
 * Mails the summary to the signed-in staff member's own address (never one typed on the kiosk,
 * so a summary cannot be sent out of the school); NOT_APPLICABLE when they have none on file.
 * In the staff member's screen language when the kiosk says it, French otherwise.
 */
export async function mailGroupSummary(ctx: ServiceContext, staff: StaffPrincipal, board: Board, locale: Locale = 'fr'): Promise<Result<{ sentTo: string }>> {
  const row = await ctx.store.staff.findStaff(staff.username);
  const address = row ? readStaffEmail(ctx.keys, row) : null;
  if (!address) return fail('NOT_APPLICABLE');
  const { summary } = board;
  const message = groupSummaryEmail({ to: address, locale, groupLabel: summary.label, openedAt: summary.openedAt, counts: summary.counts, csv: summaryCsv(board) });
  const sent = await deliverMail(ctx.mailer, message, ctx.log, { groupId: summary.groupId }, 'group summary email');
  const sentTo = maskEmail(address);
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await appendAudit(
      tx,
      { ...staffAudit(staff), action: 'group.summaryMailed', subject: summary.groupId, outcome: sent.ok ? 'ok' : sent.code, details: { sentTo, members: board.members.length } },
      now,
    );
  });
  return sent.ok ? ok({ sentTo }) : fail('OFFLINE');
}
