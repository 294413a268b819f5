import type { SealingKey } from '../../../shared/crypto/sealed-box-schema';
import type { EnrollmentClient } from './enrollment-client';

/**
 * Reachability and the server's sealing key, both learnt from `GET /v1/terminal/config`:
 * probed at start, when the screen asks whether we are online, and on a timer while offline
 * (offline-probe.ts).
 */
export function createServerLink(options: { client: EnrollmentClient; probeTimeoutMs: number }) {
  let sealingKey: SealingKey | null = null;

  async function probe(): Promise<boolean> {
    const result = await options.client.terminalConfig(options.probeTimeoutMs);
    if (result.ok) sealingKey = result.value.sealingKey;
    return result.ok;
  }

  return {
    probe,
    /** The cached key, or a fresh probe's; null while the server cannot be reached. */
    async sealingKey(): Promise<SealingKey | null> {
      if (sealingKey === null) await probe();
      return sealingKey;
    },
  };
}

export type ServerLink = ReturnType<typeof createServerLink>;
