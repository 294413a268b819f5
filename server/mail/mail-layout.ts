import type { Locale } from '../../shared/schemas/localized-text-schema';
import type { Profile } from '../../shared/schemas/profile-schema';
import type { MailMessage } from './mailer';

/** One part of a short message: a paragraph, a code to type at the kiosk, or a list. */
export type MailBlock = { kind: 'text'; text: string } | { kind: 'code'; label: string; code: string } | { kind: 'list'; items: string[] };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The institution as the person knows it, in the language they used at the kiosk. */
export function institutionOf(profile: Profile, locale: Locale): string {
  return locale === 'en' ? (profile.institution.name.en ?? profile.institution.name.fr) : profile.institution.name.fr;
}

function textOf(block: MailBlock): string {
  if (block.kind === 'text') return block.text;
  if (block.kind === 'code') return `${block.label} ${block.code}`;
  return block.items.map((item) => `- ${item}`).join('\n');
}

function htmlOf(block: MailBlock): string {
  const e = escapeHtml;
  if (block.kind === 'text') return `<p>${e(block.text).replace(/\n/g, '<br>')}</p>`;
  if (block.kind === 'code') {
    return `<p>${e(block.label)} <strong style="font-family: monospace; font-size: 1.4em; letter-spacing: 0.1em">${e(block.code)}</strong></p>`;
  }
  return `<ul>${block.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`;
}

/**
 * A short message as plain text and as simple HTML saying the same thing; every value the
 * person typed is escaped in the HTML part (a help request's message is free text).
 */
export function renderMail(input: { to: string; subject: string; locale: Locale; blocks: MailBlock[]; replyTo?: string }): MailMessage {
  const text = `${input.blocks.map(textOf).join('\n\n')}\n`;
  const html = [
    `<!doctype html><html lang="${input.locale}"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    ...input.blocks.map(htmlOf),
    '</body></html>',
  ].join('\n');
  return { to: input.to, subject: input.subject, text, html, ...(input.replyTo ? { replyTo: input.replyTo } : {}) };
}
