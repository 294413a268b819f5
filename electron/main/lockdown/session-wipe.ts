import type { Session } from 'electron';

/**
 * Empties the in-memory partition at the end of every session (LOCKDOWN.md #14): storage,
 * cache, HTTP auth and open connections, awaited together so the caller can wait for a clean
 * slate before the next person sees the welcome screen.
 */
export async function wipePartition(session: Session): Promise<void> {
  await Promise.all([session.clearData(), session.clearCache(), session.clearAuthCache(), session.closeAllConnections()]);
}
