import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/embedded/security-headers';

/**
 * Defence in depth (LOCKDOWN.md #2): the page carries, as a <meta>, the policy both shells send
 * as a header, written from the same constant so the two cannot drift. A meta cannot carry
 * frame-ancestors; the header does.
 */
function contentSecurityPolicyMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ').filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');
  return {
    name: 'sesame-csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

/**
 * One build for every runtime. `main` holds the Node entry points (Electron shell, the
 * launcher that falls back to the Chromium shell, the reference server's CLI); the preload is
 * CommonJS because a sandboxed preload cannot load ES modules.
 */
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  main: {
    // The version each terminal reports in its heartbeat (issue 5, fleet status).
    define: { __SESAME_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          launch: resolve('electron/browser/launch.ts'),
          'server-cli': resolve('server/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [svelte(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified; a kiosk page should be as small as a web page.
      minify: true,
      cssMinify: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
