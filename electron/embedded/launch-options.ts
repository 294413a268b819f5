import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseWith } from '../../shared/contract/parse';
import { TerminalModeSchema } from '../../shared/schemas/terminal-config-schema';

/**
 * Command-line flags and environment of `npm start` (electron/browser/launch.ts) and of the
 * Electron main process (which receives the same arguments passed through), parsed once with zod.
 */
export const SHELLS = ['auto', 'electron', 'browser'] as const;

const SecondsSchema = z.coerce.number().int().positive().max(3600);

export const LaunchOptionsSchema = z.strictObject({
  dataDir: z.string().min(1).max(4096).optional(),
  shell: z.enum(SHELLS).default('auto'),
  open: z.boolean().default(true),
  port: z.coerce.number().int().min(0).max(65535).default(0),
  idleTimeoutS: SecondsSchema.optional(),
  idleWarningS: SecondsSchema.optional(),
  configFile: z.string().min(1).max(4096).optional(),
  /** Issue 6: `desk` / `assisted` offer staff sign-in; the demo terminal is `shared` otherwise. */
  mode: TerminalModeSchema.optional(),
  /** Issue 6: the staff auto-lock, within the terminal config's bounds. */
  staffLockS: z.coerce.number().int().min(15).max(1800).optional(),
});
export type LaunchOptions = z.infer<typeof LaunchOptionsSchema>;

export type LaunchOptionsResult = { ok: true; options: LaunchOptions } | { ok: false; problems: string[] };

const FLAGS = {
  'data-dir': { type: 'string' },
  shell: { type: 'string' },
  'no-open': { type: 'boolean' },
  port: { type: 'string' },
  'idle-timeout': { type: 'string' },
  'idle-warning': { type: 'string' },
  config: { type: 'string' },
  mode: { type: 'string' },
  'staff-lock': { type: 'string' },
} as const;

/**
 * `strict` is off for the Electron main process: Chromium and Electron add switches of their
 * own to argv, which are not ours to refuse (the debug switches are refused elsewhere).
 */
export function parseLaunchOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  { strict = true }: { strict?: boolean } = {},
): LaunchOptionsResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options: FLAGS, strict, allowPositionals: !strict }).values;
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : 'arguments'] };
  }
  const raw = {
    dataDir: values['data-dir'] ?? nonEmpty(env['SESAME_DATA_DIR']),
    shell: values['shell'] ?? nonEmpty(env['SESAME_SHELL']),
    open: !(values['no-open'] === true || env['SESAME_NO_OPEN'] === '1'),
    port: values['port'],
    idleTimeoutS: values['idle-timeout'],
    idleWarningS: values['idle-warning'],
    configFile: values['config'],
    mode: values['mode'],
    staffLockS: values['staff-lock'],
  };
  const parsed = parseWith(LaunchOptionsSchema, raw);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => `${p.key}: ${p.reason}`) };
  return { ok: true, options: parsed.data };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
