declare const __SESAME_VERSION__: string | undefined;

/**
 * package.json's version, written into the build (electron.vite.config.ts); run from sources
 * (tests, tsx) there is none, and the terminal says so rather than guess.
 */
export const APP_VERSION = typeof __SESAME_VERSION__ === 'string' ? __SESAME_VERSION__ : '0.0.0-dev';
