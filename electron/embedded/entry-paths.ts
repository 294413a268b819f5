import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the built pieces sit, seen from an entry point built to `out/main/*.js` (entries only:
 * shared chunks may live one folder deeper). Environment overrides exist for running an entry
 * from source in tests and for packaged layouts.
 */
export interface EntryPaths {
  mainDir: string;
  resourcesDir: string;
  rendererDir: string;
  preloadFile: string;
}

export function entryPaths(entryUrl: string, env: NodeJS.ProcessEnv = process.env): EntryPaths {
  const mainDir = dirname(fileURLToPath(entryUrl));
  return {
    mainDir,
    resourcesDir: env['SESAME_RESOURCES_DIR'] || resolve(mainDir, '../../resources'),
    rendererDir: env['SESAME_RENDERER_DIR'] || resolve(mainDir, '../renderer'),
    preloadFile: join(mainDir, '../preload/index.cjs'),
  };
}
