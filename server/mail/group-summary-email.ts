import { renderMail } from './mail-layout';
import type { MailMessage } from './mailer';

export interface GroupSummaryEmailInput {
  to: string;
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
 * The end-of-session summary (issue 6), sent to the staff member's own address only, in French
 * (staff screens are French first), the list attached as CSV.
 */
export function groupSummaryEmail(input: GroupSummaryEmailInput): MailMessage {
  const { counts } = input;
  const message = renderMail({
    to: input.to,
    locale: 'fr',
    subject: `Sésame — bilan de la séance « ${input.groupLabel} »`,
    blocks: [
      { kind: 'text', text: 'Bonjour,' },
      { kind: 'text', text: `Voici le bilan de la séance de groupe « ${input.groupLabel} » ouverte le ${input.openedAt.slice(0, 10)}.` },
      {
        kind: 'list',
        items: [
          `Activés : ${counts['done'] ?? 0}`,
          `En attente du courriel : ${counts['awaitingEmail'] ?? 0}`,
          `Pas encore passés : ${counts['waiting'] ?? 0}`,
          `Bloqués : ${counts['blocked'] ?? 0}`,
        ],
      },
      { kind: 'text', text: 'La liste détaillée est jointe (fichier CSV).' },
    ],
  });
  return { ...message, attachments: [{ filename: summaryFileName(input.groupLabel, input.openedAt), content: input.csv, contentType: 'text/csv; charset=utf-8' }] };
}
