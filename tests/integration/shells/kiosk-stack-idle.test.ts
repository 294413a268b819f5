import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKioskStack, type KioskStack } from '../../../electron/embedded/start-kiosk-stack';
import type { TerminalMode } from '../../../shared/schemas/terminal-config-schema';
import { closedPort } from '../../unit/core/support/closed-port';
import { makeTempFolder } from '../../unit/core/support/temp-folder';

/**
 * Issue 4, per-mode idle timeouts: a `terminal.json` without `idle` gets its mode's times (an
 * unattended room wipes sooner than a desk where staff talk the person through), `--mode` moves
 * a defaulted terminal to the new mode's times, and times written in the file always win. What
 * the page is told (`terminal.describe`) is what drives its countdown.
 */
let folder: ReturnType<typeof makeTempFolder>;
let stack: KioskStack | undefined;
beforeEach(() => {
  folder = makeTempFolder();
});
afterEach(async () => {
  await stack?.close();
  stack = undefined;
  folder.remove();
});

async function terminalFile(mode: TerminalMode, idle?: { timeoutS: number; warningS: number }): Promise<string> {
  const file = join(folder.path, 'terminal.json');
  const server = { url: `http://127.0.0.1:${await closedPort()}`, token: 'borne-idle.0123456789abcdef0123456789abcdef' };
  writeFileSync(file, JSON.stringify({ terminalId: 'borne-idle', mode, locale: 'fr', profiles: ['cergy-etudiant'], ...(idle ? { idle } : {}), server }));
  return file;
}

async function idleShown(options: { configFile?: string; mode?: TerminalMode }): Promise<unknown> {
  stack = await startKioskStack({ dataDir: join(folder.path, 'data'), resourcesDir: resolve('resources'), ...options });
  const described = await stack.core.handlers['terminal.describe']({});
  return described.ok ? described.value.idle : described.error;
}

describe('idle timeouts by terminal mode', () => {
  it.each([
    ['shared', { timeoutS: 60, warningS: 20 }],
    ['desk', { timeoutS: 180, warningS: 30 }],
    ['assisted', { timeoutS: 300, warningS: 30 }],
  ] as const)('a %s terminal without idle times gets its mode’s', async (mode, expected) => {
    expect(await idleShown({ configFile: await terminalFile(mode) })).toEqual(expected);
  });

  it('moves a defaulted terminal to the times of the mode given by --mode', async () => {
    expect(await idleShown({ configFile: await terminalFile('shared'), mode: 'assisted' })).toEqual({ timeoutS: 300, warningS: 30 });
  });

  it('keeps the times the file gives, whatever the mode', async () => {
    expect(await idleShown({ configFile: await terminalFile('shared', { timeoutS: 45, warningS: 15 }), mode: 'desk' })).toEqual({ timeoutS: 45, warningS: 15 });
  });

  it('gives the demo terminal (no file) the times of its mode', async () => {
    expect(await idleShown({ mode: 'desk' })).toEqual({ timeoutS: 180, warningS: 30 });
  });
});
