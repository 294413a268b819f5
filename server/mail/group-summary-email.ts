import type { Locale } from '../../shared/schemas/localized-text-schema';
import { translate } from '../../shared/messages/translate';
import { renderMail } from './mail-layout';
import type { MailMessage } from './mailer';

export interface GroupSummaryEmailInput {
  to: string;
  /** The staff member's screen language when they asked for it. */
  locale: Locale;
  groupLabel: string;
  openedAt: string;
  counts: Record<string, number>;
  /** The summary CSV (no, label, state, reason, updated_at): no secret, no identity beyond the label. */
  csv: string;
}

/** `3eB — 2026-09-15` → `sesame-groupe-3eB-2026-09-15.csv`: a file name any mail client keeps. */
export function summaryFileName(groupLabel: string, openedAt: string): string {
  const safe = groupLabel.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `sesame-groupe-${safe || 'session'}-${openedAt.slice(0, 10)}.csv`;
}

/**
 * The end-of-session summary (issue 6), sent to the staff member's own address only, in the
 * language their screens showed (the group catalogue's words), the list attached as CSV.
 */
export function groupSummaryEmail(input: GroupSummaryEmailInput): MailMessage {
  const { counts, locale } = input;
  const say = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params);
  const label = input.groupLabel;
  const message = renderMail({
    to: input.to,
    locale,
    subject: say('group.mail.subject', { label }),
    blocks: [
      { kind: 'text', text: say('group.mail.hello') },
      { kind: 'text', text: say('group.mail.intro', { label, date: input.openedAt.slice(0, 10) }) },
      {
        kind: 'list',
        items: (['done', 'awaitingEmail', 'waiting', 'blocked'] as const).map((state) => say(`group.mail.${state}`, { count: counts[state] ?? 0 })),
      },
      { kind: 'text', text: say('group.mail.attached') },
    ],
  });
  return { ...message, attachments: [{ filename: summaryFileName(input.groupLabel, input.openedAt), content: input.csv, contentType: 'text/csv; charset=utf-8' }] };
}
