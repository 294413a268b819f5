import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMAIL_LINK_PAGE_CSP, emailLinkPage } from '../../../../server/routes/email-proofs/email-link-page';
import { createLinkRateLimiter } from '../../../../server/routes/email-proofs/link-rate-limiter';

describe('the email link page', () => {
  it('is bilingual, script-free, and its one style is the one the CSP hash allows', () => {
    for (const kind of ['activated', 'invalid', 'throttled'] as const) {
      const page = emailLinkPage(kind);
      expect(page).toMatch(/^<!doctype html>\n<html lang="fr">/);
      expect(page).toContain('<section lang="en">');
      expect(page).not.toMatch(/<script|<img|<link|<form|https?:/i);
      const style = /<style>([^<]*)<\/style>/.exec(page)?.[1] ?? '';
      const hash = createHash('sha256').update(style).digest('base64');
      expect(EMAIL_LINK_PAGE_CSP).toContain(`style-src 'sha256-${hash}'`);
    }
    const confirm = emailLinkPage('confirm');
    expect(confirm.match(/<form method="post">/g)).toHaveLength(1);
    expect(confirm).not.toMatch(/<form[^>]*action|<script|https?:/i);
    expect(EMAIL_LINK_PAGE_CSP).toContain("form-action 'self'");
    expect(EMAIL_LINK_PAGE_CSP).toMatch(/^default-src 'none';/);
    expect(EMAIL_LINK_PAGE_CSP).toContain("frame-ancestors 'none'");
  });
});

describe('the per-address limit of the link route', () => {
  it('allows `requests` per window per address, then refuses until the window has passed', () => {
    let now = new Date('2026-09-15T08:00:00.000Z');
    const limiter = createLinkRateLimiter(() => now, { requests: 3, windowMs: 60_000 });
    expect([1, 2, 3, 4].map(() => limiter.allow('10.0.0.1'))).toEqual([true, true, true, false]);
    expect(limiter.allow('10.0.0.2')).toBe(true);
    now = new Date(now.getTime() + 59_999);
    expect(limiter.allow('10.0.0.1')).toBe(false);
    now = new Date(now.getTime() + 1);
    expect(limiter.allow('10.0.0.1')).toBe(true);
  });
});
