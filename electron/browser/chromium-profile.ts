import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The throw-away Chromium profile of the loopback shell, seeded before the first launch
 * (LOCKDOWN.md #14, #15). The profile dies with the browser, but a browser lives for many people:
 * its password manager would offer the previous person's ENT password to the next one on the
 * portal's login page, and autofill their address. Chromium reads these preferences from
 * `<user-data-dir>/Default/Preferences` (its incognito window inherits them).
 */
export const KIOSK_PROFILE_PREFERENCES = {
  credentials_enable_service: false,
  credentials_enable_autosignin: false,
  profile: { password_manager_enabled: false, default_content_setting_values: { notifications: 2, geolocation: 2, media_stream_camera: 2, media_stream_mic: 2 } },
  autofill: { enabled: false, profile_enabled: false, credit_card_enabled: false },
  translate: { enabled: false },
  printing: { enabled: false },
} as const;

export function seedChromiumProfile(userDataDir: string): void {
  const profileDir = join(userDataDir, 'Default');
  mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(profileDir, 'Preferences'), JSON.stringify(KIOSK_PROFILE_PREFERENCES), { mode: 0o600 });
}
