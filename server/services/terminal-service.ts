import { createTerminalToken, sha256Hex } from '../crypto/token-hash';
import type { Db } from '../store/connection';
import { upsertTerminal } from '../store/terminal-repository';

/**
 * Issues a fresh bearer token for a terminal (creating it if new). The token is returned once,
 * for the operator to copy into the terminal's configuration; only its sha256 is kept.
 */
export function issueTerminalToken(db: Db, terminalId: string, name: string, now: Date): string {
  const token = createTerminalToken(terminalId);
  upsertTerminal(db, { id: terminalId, name, tokenHash: sha256Hex(token), now: now.toISOString() });
  return token;
}
