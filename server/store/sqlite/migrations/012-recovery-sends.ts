import type { Migration } from './migration';

/**
 * Issue 6, "renvoyer le mail de réinitialisation": staff may send a pending "mot de passe
 * oublié" code again (a new code each time, on the same request), a bounded number of times like
 * the activation email's resends. `sends` counts the messages sent for a request, the first
 * included, so existing rows start at 1.
 */
export const migration012: Migration = {
  version: 12,
  name: 'recovery-sends',
  sql: `
    ALTER TABLE recoveries ADD COLUMN sends INTEGER NOT NULL DEFAULT 1;
  `,
};
