import { app } from 'electron';

/**
 * A wipe or a recovery that failed must never lead back to the welcome screen (LOCKDOWN.md
 * #20): the kiosk exits with a code its OS supervisor restarts on (#10), and the in-memory
 * partition goes with the process. Only the error's name is logged: a message may quote page data.
 */
export function failClosed(work: Promise<unknown>, what: string): void {
  work.catch((error: unknown) => {
    console.error(`[sesame] ${what} failed (${error instanceof Error ? error.name : typeof error}); exiting`);
    app.exit(1);
  });
}
