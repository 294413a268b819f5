import { z } from 'zod';
import { LocaleSchema } from './localized-text-schema';

export const TERMINAL_MODES = ['shared', 'desk', 'assisted'] as const;
export const TerminalModeSchema = z.enum(TERMINAL_MODES);
export type TerminalMode = z.infer<typeof TerminalModeSchema>;

const IdleSchema = z
  .object({
    /** Seconds without any pointer, touch or key before the countdown starts. */
    timeoutS: z.number().int().min(5).max(3600),
    /** Length of the visible countdown before the wipe. */
    warningS: z.number().int().min(3).max(120),
  })
  .refine((idle) => idle.warningS < idle.timeoutS, { message: 'warningS must be shorter than timeoutS' });
export type IdleTimes = z.infer<typeof IdleSchema>;

/**
 * Idle times when `terminal.json` gives none (issue 4, per-mode timeouts): an unattended room
 * wipes soon after the person walks away; at the desk and in a staff-led session someone is
 * talking the person through, and a wipe mid-explanation costs them the whole procedure.
 */
export const IDLE_BY_MODE: Readonly<Record<TerminalMode, IdleTimes>> = {
  shared: { timeoutS: 60, warningS: 20 },
  desk: { timeoutS: 180, warningS: 30 },
  assisted: { timeoutS: 300, warningS: 30 },
};

/** A terminal's configuration file (the kiosk's data folder, `terminal.json`). */
const TerminalConfigFileSchema = z.object({
  $schema: z.string().optional(),
  terminalId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  mode: TerminalModeSchema,
  locale: LocaleSchema,
  profiles: z.array(z.string().regex(/^[a-z][a-z0-9-]{1,47}$/)).min(1).max(8),
  /** Optional: without it, the mode's own (IDLE_BY_MODE). */
  idle: IdleSchema.optional(),
  /**
   * Staff sign-in (desk and assisted modes, issue 6): the staff session locks itself after this
   * many seconds without input on a staff screen. A shared terminal never offers staff sign-in.
   */
  staff: z.object({ lockAfterS: z.number().int().min(15).max(1800) }).default({ lockAfterS: 120 }),
  /** Issue 5: while the server cannot be reached, probe it every `offlineProbeS` (default 15). */
  sync: z.object({ offlineProbeS: z.number().int().min(2).max(600) }).optional(),
  server: z.object({
    url: z.url({ protocol: /^https?$/ }),
    /** Per-terminal bearer token issued by the server's CLI (`terminals create`). */
    token: z.string().min(32).max(256),
  }),
});
export const TerminalConfigSchema = TerminalConfigFileSchema.transform((config) => ({ ...config, idle: config.idle ?? IDLE_BY_MODE[config.mode] }));
export type TerminalConfig = z.infer<typeof TerminalConfigSchema>;
