import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rule of CONVENTIONS.md is only worth something if lint refuses a breach.
 * Each case lints a one-line file placed (virtually) in a layer and expects the rule to fire.
 */
const eslint = new ESLint({
  // The linted files are virtual, in no tsconfig: parsed without types (the import bans need none).
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off', '@typescript-eslint/await-thenable': 'off' },
  },
});

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

describe('the dependency rule', () => {
  it.each([
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
    ['renderer/src/x.ts', "import { ZxcvbnFactory } from '@zxcvbn-ts/core';\nexport const z = ZxcvbnFactory;\n"],
    ['renderer/src/x.ts', "import { kioskContract } from '../../electron/core/kiosk-api';\nexport const k = kioskContract;\n"],
    ['shared/x.ts', "import { createHash } from 'node:crypto';\nexport const h = createHash;\n"],
    ['shared/x.ts', "import { ok } from '../server/app';\nexport const o = ok;\n"],
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/core/x.ts', "import { startServer } from '../../server/embedded';\nexport const s = startServer;\n"],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['server/x.ts', "import { createKioskCore } from '../electron/core/create-kiosk-core';\nexport const c = createKioskCore;\n"],
    ['electron/main/x.ts', "import { startLoopbackServer } from '../browser/loopback-server';\nexport const s = startLoopbackServer;\n"],
    ['electron/browser/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/core/x.ts', "import { fakeClock } from '../../tests/unit/core/support/fake-clock';\nexport const c = fakeClock;\n"],
    ['server/services/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n"],
    ['server/services/x.ts', "import { openDatabase } from '../store/sqlite/connection';\nexport const o = openDatabase;\n"],
    ['server/audit/x.ts', "import { maxAuditSeq } from '../store/sqlite/audit-repository';\nexport const m = maxAuditSeq;\n"],
    ['server/cli/x.ts', "import { createKioskCore } from '../../electron/core/create-kiosk-core';\nexport const c = createKioskCore;\n"],
  ])('refuses in %s: %s', async (filePath, code) => {
    const rules = await ruleIdsFor(filePath, code);
    expect(rules).toContain('no-restricted-imports');
  });

  it.each([
    ['renderer/src/x.ts', "import { kioskContract } from '../../shared/contract/kiosk-api';\nexport const k = kioskContract;\n"],
    ['shared/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
    ['electron/core/x.ts', "import { createHash } from 'node:crypto';\nexport const h = createHash;\n"],
    ['server/services/x.ts', "import type { Store } from '../store/store';\nexport type S = Store;\n"],
    ['server/cli/x.ts', "import { openServerStore } from '../store/sqlite/server-database';\nexport const o = openServerStore;\n"],
  ])('allows in %s: %s', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toEqual([]);
  });
});
