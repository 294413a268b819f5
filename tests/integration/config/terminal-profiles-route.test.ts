import { describe, expect, it } from 'vitest';
import { TerminalProfilesResponseSchema } from '../../../shared/contract/config-api';
import { useServerHarness } from '../server/helpers/server-harness';
import { startConfigServer } from './config-stack';

/** GET /v1/terminal/profiles on the real server: terminal-authenticated, strong ETag, 304. */
const server = useServerHarness('all');
const PATH = '/v1/terminal/profiles';

describe('GET /v1/terminal/profiles', () => {
  it('answers every profile the server loaded, valid by the shared schema, with a strong ETag', async () => {
    const answer = await server().request('GET', PATH);
    expect(answer.status).toBe(200);
    const parsed = TerminalProfilesResponseSchema.parse(answer.body);
    expect(parsed.profiles.map((profile) => profile.id)).toEqual(['cergy-etudiant', 'ent77-college', 'idf-lycee', 'parents-scolarite', 'um-etudiant']);
    expect(answer.headers.get('etag')).toMatch(/^"sha256-[A-Za-z0-9_-]{43}"$/);
  });

  it('answers 304 with no body when If-None-Match names the current tag, in any of its accepted forms', async () => {
    const etag = (await server().request('GET', PATH)).headers.get('etag') ?? '';
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const answer = await server().request('GET', PATH, { headers: { 'if-none-match': ifNoneMatch } });
      expect({ status: answer.status, text: answer.text, etag: answer.headers.get('etag') }).toEqual({ status: 304, text: '', etag });
    }
    expect((await server().request('GET', PATH, { headers: { 'if-none-match': '"sha256-stale"' } })).status).toBe(200);
  });

  it('refuses a request without a valid terminal token', async () => {
    expect((await server().request('GET', PATH, { token: null })).body).toEqual({ error: { code: 'UNAUTHORIZED' } });
    expect((await server().request('GET', PATH, { token: 'borne-test.not-the-secret-at-all' })).status).toBe(401);
  });
});

describe('the ETag', () => {
  it('stays the same across a restart with the same profiles, and changes with a new terms version', async () => {
    const config = await startConfigServer();
    try {
      const tagNow = async () => (await fetch(`${config.url}${PATH}`, { headers: { authorization: `Bearer ${config.token}` } })).headers.get('etag');
      const first = await tagNow();
      await config.restart();
      expect(await tagNow()).toBe(first);
      config.editProfile('ent77-college', (profile) => {
        if (profile.terms) profile.terms.version = 'ent77-2027';
      });
      await config.restart();
      expect(await tagNow()).not.toBe(first);
    } finally {
      await config.close();
    }
  });
});
