import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finds the Electron binary the way `require('electron')` would, without requiring it: that
 * module runs the installer, which tries to download Electron when `dist/` is missing.
 */
export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(from: string = import.meta.url): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(from).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'paquet electron absent de node_modules' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { found: false, reason: 'node_modules/electron/dist absent' };
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { found: false, reason: `binaire ${binary} absent` };
  return { found: true, path: binary };
}
