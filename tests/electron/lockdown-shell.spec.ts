import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { ELECTRON, expect, kioskArgs, NO_BINARY_MESSAGE, test } from './electron-app';

/**
 * LOCKDOWN.md rows only a real Electron can prove (#8 menu shortcuts, #11 single instance, #12
 * fuses), with the real kiosk built to out/. Skipped with a message where no binary exists.
 */
test.skip(!ELECTRON.found, NO_BINARY_MESSAGE);

test('#8 reload, devtools, fullscreen, close and quit keys do nothing', async ({ app, page }) => {
  const before = page.url();
  for (const key of ['Control+R', 'F5', 'Control+Shift+I', 'F12', 'F11', 'Control+W', 'Control+Q', 'Alt+F4', 'Control+P', 'Control+Plus']) {
    await page.keyboard.press(key);
  }
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  expect(page.url()).toBe(before);
  const state = await app.evaluate(({ BrowserWindow, Menu }) => {
    const window = BrowserWindow.getAllWindows()[0];
    return { devTools: window?.webContents.isDevToolsOpened(), kiosk: window?.isKiosk(), menu: Menu.getApplicationMenu() === null, zoom: window?.webContents.getZoomFactor() };
  });
  expect(state).toEqual({ devTools: false, kiosk: true, menu: true, zoom: 1 });
});

test('#11 a second launch on the same data folder hands over and exits', async ({ app, dataDir }) => {
  if (!ELECTRON.found) return;
  const second = spawn(ELECTRON.path, kioskArgs(dataDir), { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => second.once('exit', (exitCode) => resolve(exitCode)));
  expect(code).toBe(0);
  expect(app.windows()).toHaveLength(1);
});

// `FuseState` of @electron/fuses, which its index does not export: the wire's bytes, '0' and '1'.
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;

// The packaged binary, where electron-builder wrote it (`npx electron-builder --dir`).
const PACKAGED = ['dist/linux-unpacked/sesame', 'dist/linux-unpacked/Sesame', 'dist/win-unpacked/Sesame.exe'].find((file) => existsSync(file));

test('#12 the packaged binary carries the fuses of electron-builder.yml', async () => {
  test.skip(PACKAGED === undefined, 'No packaged kiosk in dist/ (run `npx electron-builder --dir` first): the fuses are set at packaging');
  const wire = await getCurrentFuseWire(PACKAGED ?? '');
  expect({
    runAsNode: wire[FuseV1Options.RunAsNode],
    nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
    inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
    cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
    onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
  }).toEqual({ runAsNode: FuseState.DISABLE, nodeOptions: FuseState.DISABLE, inspect: FuseState.DISABLE, cookieEncryption: FuseState.ENABLE, onlyAsar: FuseState.ENABLE });
});

test('#12 a packaged kiosk refuses to start under a debugger switch', async () => {
  test.skip(PACKAGED === undefined, 'No packaged kiosk in dist/: the refusal applies to packaged builds only (app.isPackaged)');
  const child = spawn(PACKAGED ?? '', ['--remote-debugging-port=9222'], { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  expect(code).toBe(1);
});
