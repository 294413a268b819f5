import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDLE_BY_MODE, TerminalConfigSchema } from '../../shared/schemas/terminal-config-schema';
import type { TerminalConfig, TerminalMode } from '../../shared/schemas/terminal-config-schema';
import { createKioskCore, loadProfiles, loadTerminalConfig } from '../core';
import type { KioskCore } from '../core';
import { startEmbeddedServer } from '../../server/embedded';
import type { PortalHost } from '../core/portal/portal-host';
import { APP_VERSION } from './app-version';

/**
 * The embedded default of `npm start` (issue 2): unless a terminal config file is given, the
 * reference enrollment API runs in-process on its own SQLite file and the kiosk is pointed at
 * it. This is the only module allowed to import server/ (eslint.config.js zones).
 */
export interface KioskStackOptions {
  dataDir: string;
  /** The repo's resources/ (profiles/ inside); resolved by the entry point from its own file. */
  resourcesDir: string;
  idleTimeoutS?: number;
  idleWarningS?: number;
  /** `--mode`: the terminal's mode (issue 6), over the file's or the demo's `shared`. */
  mode?: TerminalMode;
  /** `--staff-lock`: seconds before an idle staff session locks itself. */
  staffLockS?: number;
  /** `--config`: a real terminal's configuration; then no embedded server is started. */
  configFile?: string;
  /** The shell's portal view (LOCKDOWN.md #15): the loopback proxy or the Electron view. */
  portalHost?: PortalHost;
}

export interface KioskStack {
  core: KioskCore;
  config: TerminalConfig;
  /** Base URL of the embedded enrollment API, absent when `configFile` pointed elsewhere. */
  serverUrl?: string;
  close(): Promise<void>;
}

/** Every seed's procedure on the demo terminal, in the order "Vous êtes…" lists them (issue 3). */
const DEMO_PROFILES = ['cergy-etudiant', 'um-etudiant', 'ent77-college', 'idf-lycee', 'parents-scolarite'];

export async function startKioskStack(options: KioskStackOptions): Promise<KioskStack> {
  const kioskDir = join(options.dataDir, 'kiosk');
  const profilesDir = join(options.resourcesDir, 'profiles');
  mkdirSync(kioskDir, { recursive: true, mode: 0o700 });

  if (options.configFile) {
    const config = withFlags(loadTerminalConfig(options.configFile), options);
    const core = await createKioskCore({ dataDir: kioskDir, config, profiles: loadProfiles(profilesDir, config.profiles), appVersion: APP_VERSION, portalHost: options.portalHost });
    return { core, config, close: () => core.close() };
  }

  const server = await startEmbeddedServer({ dataDir: join(options.dataDir, 'server'), profilesDir });
  try {
    const config = withFlags(
      TerminalConfigSchema.parse({
        terminalId: server.terminal.id,
        mode: 'shared',
        locale: 'fr',
        profiles: DEMO_PROFILES,
        server: { url: server.url, token: server.terminal.token },
      }),
      options,
    );
    writeTerminalConfig(join(kioskDir, 'terminal.json'), config);
    const core = await createKioskCore({ dataDir: kioskDir, config, profiles: loadProfiles(profilesDir, config.profiles), appVersion: APP_VERSION, portalHost: options.portalHost });
    return {
      core,
      config,
      serverUrl: server.url,
      async close() {
        // Core first: its outbox loop may still be talking to the server.
        await core.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * Flags win over the file; the result is re-validated (warning must stay below timeout). A
 * `--mode` that changes the mode of a file whose idle times are its mode's defaults takes the new
 * mode's defaults.
 */
function withFlags(config: TerminalConfig, options: KioskStackOptions): TerminalConfig {
  const mode = options.mode ?? config.mode;
  const defaulted = config.idle.timeoutS === IDLE_BY_MODE[config.mode].timeoutS && config.idle.warningS === IDLE_BY_MODE[config.mode].warningS;
  const base = defaulted ? IDLE_BY_MODE[mode] : config.idle;
  const idle = {
    timeoutS: options.idleTimeoutS ?? base.timeoutS,
    warningS: options.idleWarningS ?? base.warningS,
  };
  const staff = { lockAfterS: options.staffLockS ?? config.staff.lockAfterS };
  return TerminalConfigSchema.parse({ ...config, idle, staff, mode });
}

/** The file holds the terminal's bearer token: owner-only (0600), rewritten at every start. */
function writeTerminalConfig(file: string, config: TerminalConfig): void {
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
