import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataDir } from '../embedded/data-dir';
import { entryPaths } from '../embedded/entry-paths';
import { parseLaunchOptions } from '../embedded/launch-options';
import type { LaunchOptions } from '../embedded/launch-options';
import { startKioskStack } from '../embedded/start-kiosk-stack';
import { findChromium, hasDisplay, launchChromiumKiosk, needsNoSandbox } from './chromium-launcher';
import type { ChromiumKiosk } from './chromium-launcher';
import { findElectronBinary } from './electron-binary';
import { acquireInstanceLock } from './instance-lock';
import { superviseKioskShell } from './kiosk-shell-supervision';
import { startLoopbackServer } from './loopback-server';
import { startPortalProxy } from './portal/portal-proxy';

/**
 * `npm start` (built to out/main/launch.js): the Electron kiosk where a binary exists, else the
 * same kiosk over loopback HTTP in Chromium's kiosk mode (issue 2, "What a user must be able to
 * do"). The line `SESAME_KIOSK_URL=<url>` is the machine-readable handle the e2e fixture reads.
 */
const paths = entryPaths(import.meta.url);

async function main(): Promise<void> {
  const parsed = parseLaunchOptions(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    console.error(`Options invalides : ${parsed.problems.join(', ')}`);
    process.exit(2);
  }
  const options = parsed.options;
  const electron = findElectronBinary();
  if (electron.found && options.shell !== 'browser') return runElectron(electron.path);
  if (!electron.found && options.shell === 'electron') {
    console.error(`--shell electron demandé, mais ${electron.reason}.`);
    process.exit(1);
  }
  const why = electron.found ? '--shell browser demandé' : `Pas de binaire Electron (${electron.reason})`;
  console.log(`${why} : borne servie en boucle locale.`);
  await runLoopback(options);
}

function runElectron(binary: string): void {
  const child = spawn(binary, [join(paths.mainDir, 'index.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function runLoopback(options: LaunchOptions): Promise<void> {
  if (!existsSync(join(paths.rendererDir, 'index.html'))) {
    console.error(`Interface absente (${paths.rendererDir}/index.html) : lancez d'abord « npm run build ».`);
    process.exit(1);
  }
  const dataDir = resolveDataDir(options.dataDir);
  const lock = await acquireInstanceLock(dataDir);
  if (!lock.held) {
    // As the Electron shell's second instance does (#11): the first one keeps the terminal.
    console.log(`Une borne Sésame tourne déjà sur ce dossier de données (${dataDir}) : cette seconde instance s'arrête.`);
    process.exit(0);
  }
  const releaseLock = lock.release;
  const portal = await startPortalProxy();
  const stack = await startKioskStack({
    dataDir,
    resourcesDir: paths.resourcesDir,
    idleTimeoutS: options.idleTimeoutS,
    idleWarningS: options.idleWarningS,
    mode: options.mode,
    staffLockS: options.staffLockS,
    configFile: options.configFile,
    portalHost: portal,
  });
  const server = await startLoopbackServer({ backend: stack.core, rendererDir: paths.rendererDir, port: options.port, frameSources: portal.localOrigins });
  portal.setKioskOrigin(server.origin);
  portal.setAdmission(server.admits);
  console.log(`SESAME_KIOSK_URL=${server.launchUrl}`);
  console.log(`Borne Sésame prête : ouvrez ${server.launchUrl} (lien à usage unique). Données : ${dataDir}`);

  let browser: ChromiumKiosk | null = null;
  let stopSupervision: (() => void) | null = null;
  let closing = false;
  async function shutdown(code: number): Promise<void> {
    if (closing) return;
    closing = true;
    stopSupervision?.();
    await browser?.close();
    await server.close();
    await stack.close();
    await portal.stop();
    await releaseLock();
    process.exit(code);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(0));

  const chromium = findChromium();
  if (!options.open) return;
  if (!hasDisplay()) return console.log("Pas d'affichage (DISPLAY/WAYLAND_DISPLAY) : navigateur non lancé.");
  if (chromium === null) return console.log('Chromium introuvable (CHROMIUM_PATH, chromium, google-chrome) : navigateur non lancé.');
  if (needsNoSandbox()) console.log('Attention : lancée en root, Chromium tourne sans bac à sable. En service, lancez la borne sous un compte dédié.');
  const kiosk = launchChromiumKiosk(chromium, server.launchUrl);
  browser = kiosk;
  // The browser is the kiosk: when it goes, so does the stack. A crash exits non-zero, with
  // Chromium's own reason, so the OS supervisor restarts us and the log says why.
  kiosk.process.once('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`Chromium s'est arrêté (code ${code}) : ${kiosk.lastError()}`);
    void shutdown(code === 0 || code === null ? 0 : 3);
  });
  // Without its supervisor the shell can neither bring a crashed page back nor check the cookie
  // jar (LOCKDOWN.md #10, #20): fail closed, like a crash, rather than run unchecked.
  superviseKioskShell(kiosk, stack.core, server.launchUrl, () => void shutdown(3)).then(
    (stop) => (stopSupervision = stop),
    () => {
      if (!closing) console.error('Supervision de Chromium impossible (canal DevTools) : arrêt.');
      void shutdown(3);
    },
  );
}

main().catch((error: unknown) => {
  console.error(`Démarrage impossible : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
