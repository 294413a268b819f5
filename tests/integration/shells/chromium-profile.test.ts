import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedChromiumProfile } from '../../../electron/browser/chromium-profile';
import { TEST_CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from '../../support/test-chromium';

/**
 * The loopback shell's seeded Chromium profile (LOCKDOWN.md #6, #15), in the real Debian
 * Chromium: a page asking for notifications, location, camera or microphone is told "denied"
 * (not "ask"), and Chromium keeps the password manager and autofill off in the profile it writes
 * back, so the portal's login page is never offered a previous person's password.
 */
const HAS_CHROMIUM = existsSync(TEST_CHROMIUM_PATH);
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="fr"><title>t</title><form><input name="u"><input type="password" name="p"></form></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe.skipIf(!HAS_CHROMIUM)(`the kiosk's Chromium profile (${TEST_CHROMIUM_PATH})`, () => {
  it('denies every permission a page can query and keeps the password manager off', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'sesame-profile-'));
    try {
      seedChromiumProfile(userDataDir);
      const context = await chromium.launchPersistentContext(userDataDir, { executablePath: TEST_CHROMIUM_PATH, args: TEST_CHROMIUM_ARGS, headless: true });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${origin}/`);
      // A string: the Node-side tsconfig has no DOM types.
      const states = await page.evaluate<Record<string, string>>(`(async () => {
        const results = {};
        for (const name of ['notifications', 'geolocation', 'camera', 'microphone']) results[name] = (await navigator.permissions.query({ name })).state;
        return results;
      })()`);
      expect(states).toEqual({ notifications: 'denied', geolocation: 'denied', camera: 'denied', microphone: 'denied' });
      await context.close();
      // Chromium rewrites the file on exit: what it kept is what it understood.
      const kept = JSON.parse(readFileSync(join(userDataDir, 'Default', 'Preferences'), 'utf8')) as {
        credentials_enable_service?: boolean;
        profile?: { password_manager_enabled?: boolean };
        autofill?: { profile_enabled?: boolean };
      };
      expect({ service: kept.credentials_enable_service, manager: kept.profile?.password_manager_enabled, autofill: kept.autofill?.profile_enabled }).toEqual({ service: false, manager: false, autofill: false });
    } finally {
      rmSync(userDataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
