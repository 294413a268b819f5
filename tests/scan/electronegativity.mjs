// `npm run scan`: Electronegativity over our Electron sources and the built app, failing on any
// finding (issue 2, "Checks that must pass"; LOCKDOWN.md #1). Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ELECTRON_VERSION = '45.4.1';
const TARGETS = ['electron', 'out'];

/**
 * Checks we switch off, each with why it cannot be satisfied rather than why it is inconvenient.
 * Everything else must come back clean.
 */
const EXCLUDED = {
  // Our CSP is sent as a response header by the app:// protocol handler and the loopback server,
  // from one constant (electron/embedded/security-headers.ts). The check only recognises a CSP
  // assigned in `webRequest.onHeadersReceived` or an HTML <meta>, so it reports "no CSP" on
  // electron/; and on a <meta> its evaluator calls any `script-src 'self'` "maybe weak"
  // (a warning about JSONP endpoints or uploads on the same origin; ours serves only the build).
  CSPGlobalCheck: 'CSP sent as a header from one constant; the check cannot see headers',
  // Informational: "a CSP is set for this page using a meta tag" (the renderer's defence in
  // depth, same policy as the header). It reports the presence of a CSP, not a weakness; the
  // header itself is asserted by tests/integration/shells/loopback-server.test.ts.
  CSPHTMLCheck: 'informational notice that a <meta> CSP exists',
  // A manual-review reminder raised by the mere presence of a preload. Reviewed: the preload
  // exposes `window.kiosk` (invoke + onEvent) through contextBridge and never ipcRenderer.
  PreloadJSCheck: 'review reminder for any preload; electron/preload/index.ts was reviewed',
};

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const work = mkdtempSync(join(tmpdir(), 'sesame-scan-'));
let findings = 0;

try {
  for (const target of TARGETS) {
    const input = join(ROOT, target);
    if (!existsSync(input)) {
      console.error(`scan: ${target}/ is missing (run "npm run build" first)`);
      process.exitCode = 1;
      continue;
    }
    findings += scan(target, input);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (findings > 0) {
  console.error(`scan: ${findings} finding(s)`);
  process.exitCode = 1;
} else if (process.exitCode !== 1) {
  console.log(`scan: clean (${TARGETS.join(', ')}; excluded with reasons: ${Object.keys(EXCLUDED).join(', ')})`);
}

function scan(target, input) {
  const output = join(work, `${target}.sarif`);
  const run = spawnSync(
    process.execPath,
    [cli, '-i', input, '-e', ELECTRON_VERSION, '-o', output, '-r', '-x', Object.keys(EXCLUDED).join(',')],
    { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
  );
  if (!existsSync(output)) {
    console.error(`scan: electronegativity wrote no result for ${target}/ (exit ${run.status})\n${run.stderr}`);
    return 1;
  }
  const results = JSON.parse(readFileSync(output, 'utf8')).runs.flatMap((r) => r.results ?? []);
  for (const result of results) {
    const where = result.locations?.[0]?.physicalLocation;
    const file = where?.artifactLocation?.uri ?? '?';
    const line = where?.region?.startLine ?? 0;
    console.log(`${target}/${file}:${line}  ${result.ruleId}  ${result.message?.text ?? ''}`);
  }
  console.log(`scan: ${target}/ → ${results.length} finding(s)`);
  return results.length;
}
