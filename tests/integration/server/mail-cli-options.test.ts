import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../server/cli/cli-args';

describe('serve: the mail options', () => {
  it('takes --smtp-url and --public-url, validated', () => {
    const parsed = parseCommand(['serve', '--data-dir', '/tmp/d', '--smtp-url', 'smtp://127.0.0.1:2525', '--public-url', 'https://sesame.univ.example/'], {});
    expect(parsed).toMatchObject({ ok: true, command: { command: 'serve', smtpUrl: 'smtp://127.0.0.1:2525', publicUrl: 'https://sesame.univ.example' } });
  });

  it('falls back to SESAME_SMTP_URL and SESAME_PUBLIC_URL; the flags win', () => {
    const env = { SESAME_SMTP_URL: 'smtps://u:p@mail.univ.example', SESAME_PUBLIC_URL: 'https://env.example' };
    expect(parseCommand(['serve', '--data-dir', '/tmp/d'], env)).toMatchObject({ ok: true, command: { smtpUrl: env.SESAME_SMTP_URL, publicUrl: 'https://env.example' } });
    const flagged = parseCommand(['serve', '--data-dir', '/tmp/d', '--public-url', 'http://127.0.0.1:8080'], env);
    expect(flagged).toMatchObject({ ok: true, command: { publicUrl: 'http://127.0.0.1:8080' } });
    const none = parseCommand(['serve', '--data-dir', '/tmp/d'], {});
    expect(none.ok && none.command.command === 'serve' ? [none.command.smtpUrl, none.command.publicUrl] : 'refused').toEqual([undefined, undefined]);
  });

  it('refuses a relay URL that is not smtp(s), naming the option and not its value', () => {
    const parsed = parseCommand(['serve', '--data-dir', '/tmp/d', '--smtp-url', 'http://user:hunter2@mail.example'], {});
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain('smtpUrl');
      expect(parsed.message).not.toContain('hunter2');
    }
  });
});
