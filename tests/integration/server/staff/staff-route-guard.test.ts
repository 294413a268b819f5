import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../../server/app';
import { ensureServerKeys } from '../../../../server/crypto/server-keys';
import type { App } from '../../../../server/plugins/app-types';
import { staffRouteTable } from '../../../../server/plugins/staff-auth-plugin';
import { loadProfiles } from '../../../../server/profiles/profile-registry';
import { openServerStore } from '../../../../server/store/sqlite/server-database';
import { PROFILES_DIR } from '../helpers/server-harness';

/**
 * The start-up guard: the real app, with one more route added the way a route module would,
 * before it starts. A staff-prefixed route without a role must stop the build, not go live.
 */
let dataDir: string;
let app: App;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sesame-guard-'));
  const { keys } = ensureServerKeys(dataDir);
  app = buildApp({ store: openServerStore(dataDir), profiles: loadProfiles(PROFILES_DIR), keys });
});
afterEach(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const handler = async () => ({ done: true });

describe('staff route guard (issue 6)', () => {
  it('refuses a route under /v1/staff or /v1/admin that names no role, saying which one', () => {
    expect(() => app.post('/v1/staff/cases/:caseId/notes', handler)).toThrow(
      'staff route POST /v1/staff/cases/:caseId/notes has no config.staffRole: every route under /v1/staff/ or /v1/admin/ must name the least role it needs',
    );
    expect(() => app.get('/v1/admin/exports', { config: { public: true } }, handler)).toThrow('staff route GET /v1/admin/exports has no config.staffRole');
    // Fastify routes are case-sensitive, so this would be a separate, unguarded route.
    expect(() => app.delete('/V1/Admin/staff/:username', handler)).toThrow('has no config.staffRole');
  });

  it('accepts a staff route with a role, and lists it with the others', () => {
    const before = staffRouteTable(app).length;
    app.post('/v1/staff/cases/:caseId/notes', { config: { staffRole: 'agent' } }, handler);
    expect(staffRouteTable(app)).toHaveLength(before + 1);
    expect(staffRouteTable(app).at(-1)).toEqual({ method: 'POST', url: '/v1/staff/cases/:caseId/notes', role: 'agent' });
  });

  it('leaves routes outside the staff prefixes alone', () => {
    expect(() => app.get('/v1/terminal/notes', handler)).not.toThrow();
    expect(() => app.get('/v1/staffing', handler)).not.toThrow();
  });
});
