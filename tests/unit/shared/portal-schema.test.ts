import { describe, expect, it } from 'vitest';
import { PortalSchema } from '../../../shared/schemas/portal-schema';

describe('PortalSchema', () => {
  const good = { entryUrl: 'https://ent.example.fr/', origins: ['https://ent.example.fr', 'https://cas.example.fr'], logoutUrl: 'https://cas.example.fr/cas/logout' };

  it('accepts a profile portal and defaults to CAS remember-me off and publicWorkstation on', () => {
    expect(PortalSchema.parse(good)).toEqual({ ...good, rememberMeSelector: 'input[name="rememberMe"]', publicWorkstation: true });
  });

  it.each([
    [{ ...good, entryUrl: 'http://ent.example.fr/' }, 'entryUrl'],
    [{ ...good, logoutUrl: 'https://elsewhere.example/logout' }, 'logoutUrl'],
    [{ ...good, origins: ['https://ent.example.fr/'] }, 'origins'],
    [{ ...good, origins: ['HTTPS://ENT.EXAMPLE.FR'] }, 'origins'],
    [{ ...good, origins: ['https://user@ent.example.fr'] }, 'origins'],
    [{ ...good, origins: [] }, 'origins'],
  ])('refuses %j at %s', (portal, path) => {
    const parsed = PortalSchema.safeParse(portal);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toContain(path);
  });

  it('allows http only on this machine (a test or on-site demo page)', () => {
    expect(PortalSchema.safeParse({ entryUrl: 'http://127.0.0.1:8080/ent/', origins: ['http://127.0.0.1:8080'], logoutUrl: 'http://127.0.0.1:8080/cas/logout' }).success).toBe(true);
  });
});
