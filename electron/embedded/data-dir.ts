import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the kiosk keeps its data: `--data-dir`, else `SESAME_DATA_DIR` (both already folded into
 * `flag` by the launch options), else the per-user folder of the platform — never the repo, so
 * a clone stays free of databases (issue 2, "Data goes to a per-user data folder").
 */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (flag) return resolve(flag);
  if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), 'Sesame');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Sesame');
  return join(env['XDG_DATA_HOME'] || join(home, '.local', 'share'), 'sesame');
}
