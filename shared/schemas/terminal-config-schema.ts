import { z } from 'zod';
import { LocaleSchema } from './localized-text-schema';

export const TERMINAL_MODES = ['shared', 'desk', 'assisted'] as const;
export const TerminalModeSchema = z.enum(TERMINAL_MODES);
export type TerminalMode = z.infer<typeof TerminalModeSchema>;

/** A terminal's configuration file (the kiosk's data folder, `terminal.json`). */
export const TerminalConfigSchema = z.object({
  $schema: z.string().optional(),
  terminalId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  mode: TerminalModeSchema,
  locale: LocaleSchema,
  profiles: z.array(z.string().regex(/^[a-z][a-z0-9-]{1,47}$/)).min(1).max(8),
  idle: z
    .object({
      /** Seconds without any pointer, touch or key before the countdown starts. */
      timeoutS: z.number().int().min(5).max(3600),
      /** Length of the visible countdown before the wipe. */
      warningS: z.number().int().min(3).max(120),
    })
    .refine((idle) => idle.warningS < idle.timeoutS, { message: 'warningS must be shorter than timeoutS' }),
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
export type TerminalConfig = z.infer<typeof TerminalConfigSchema>;
