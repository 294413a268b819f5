import { createTerminalToken, sha256Hex } from '../crypto/token-hash';
import type { StoreOps } from '../store/store';


/**
 * Issues a fresh bearer token for a terminal (creating it if new). The token is returned once,
 * for the operator to copy into the terminal's configuration; only its sha256 is kept.
 */
export async function issueTerminalToken(store: StoreOps, terminalId: string, name: string, now: Date): Promise<string> {
  const token = createTerminalToken(terminalId);
  await store.terminals.upsertTerminal({ id: terminalId, name, tokenHash: sha256Hex(token), now: now.toISOString() });
  return token;
}
