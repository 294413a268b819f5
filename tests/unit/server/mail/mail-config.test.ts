import { describe, expect, it } from 'vitest';
import { MailConfigError, mailConfigFromEnv, parseMailConfig } from '../../../../server/mail/mail-config';

describe('mail configuration', () => {
  it('accepts smtp and smtps relay URLs and an http(s) public URL, without its trailing slash', () => {
    expect(parseMailConfig({ smtpUrl: 'smtp://127.0.0.1:2525', publicUrl: 'https://sesame.univ.example/' })).toEqual({
      smtpUrl: 'smtp://127.0.0.1:2525',
      publicUrl: 'https://sesame.univ.example',
      from: 'no-reply@localhost',
    });
    expect(parseMailConfig({ smtpUrl: 'smtps://user:secret@mail.univ.example' }).smtpUrl).toBe('smtps://user:secret@mail.univ.example');
  });

  it('refuses other schemes and hostless URLs, naming the field but never the value', () => {
    for (const smtpUrl of ['http://mail.example', 'smtp://', 'mail.example:25']) {
      expect(() => parseMailConfig({ smtpUrl })).toThrow(MailConfigError);
    }
    expect(() => parseMailConfig({ publicUrl: 'ftp://x.example' })).toThrow(/publicUrl/);
    const refusal = (() => {
      try {
        parseMailConfig({ smtpUrl: 'http://user:hunter2@mail.example' });
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(refusal).toContain('smtpUrl');
    expect(refusal).not.toContain('hunter2');
  });

  it('reads SESAME_SMTP_URL, SESAME_PUBLIC_URL and SESAME_MAIL_FROM, empty meaning unset', () => {
    const env = { SESAME_SMTP_URL: 'smtp://127.0.0.1:25', SESAME_PUBLIC_URL: '', SESAME_MAIL_FROM: 'ent@univ.example' };
    expect(parseMailConfig(mailConfigFromEnv(env))).toEqual({ smtpUrl: 'smtp://127.0.0.1:25', from: 'ent@univ.example' });
    expect(parseMailConfig(mailConfigFromEnv({}))).toEqual({ from: 'no-reply@localhost' });
  });
});
