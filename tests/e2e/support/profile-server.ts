import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedServer, startServer } from '../../../server/embedded';
import { TerminalConfigSchema } from '../../../shared/schemas/terminal-config-schema';

/**
 * The real enrollment server (demo people) run by the spec itself on a temp copy of the
 * profiles, so a spec can deploy a changed profile and restart it on the same port and data
 * mid-visit (issue 5: new terms while someone is on the charter screen). The kiosk under test
 * reaches it through a terminal file.
 */
export async function startProfileServer(edits: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'sesame-e2e-profiles-'));
  const profilesDir = join(root, 'profiles');
  const serverDir = join(root, 'server');
  cpSync(resolve('resources/profiles'), profilesDir, { recursive: true });
  // Top-level keys merged into a profile before the server reads it (a `portal` for the portal view).
  for (const [profileId, edit] of Object.entries(edits)) {
    const file = join(profilesDir, `${profileId}.json`);
    writeFileSync(file, JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as object), ...edit }));
  }
  const embedded = await startEmbeddedServer({ dataDir: serverDir, profilesDir, mail: {} });
  const port = Number(new URL(embedded.url).port);
  let close: () => Promise<void> = embedded.close;

  return {
    /** Writes the terminal file of the kiosk under test into `dir`; returns its path. */
    terminalFile(dir: string, profiles: string[]): string {
      const config = TerminalConfigSchema.parse({
        terminalId: embedded.terminal.id, mode: 'shared', locale: 'fr', profiles,
        idle: { timeoutS: 300, warningS: 30 }, server: { url: embedded.url, token: embedded.terminal.token },
      });
      const file = join(dir, 'terms-terminal.json');
      writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
      return file;
    },
    /** Changes one profile's terms version and restarts the server with it. */
    async deployTermsVersion(profileId: string, version: string): Promise<void> {
      const file = join(profilesDir, `${profileId}.json`);
      const profile = JSON.parse(readFileSync(file, 'utf8')) as { terms: { version: string } };
      profile.terms.version = version;
      writeFileSync(file, JSON.stringify(profile));
      await close();
      close = (await startServer({ dataDir: serverDir, profilesDir, port, mail: {} })).close;
    },
    async close(): Promise<void> {
      await close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
