import {
  KioskEventSchema,
  kioskContract,
  type KioskBridge,
  type KioskEvent,
  type KioskInput,
  type KioskMethod,
  type KioskOutput,
} from '../../../../shared/contract/kiosk-api';
import { parseWith } from '../../../../shared/contract/parse';
import { fail, resultSchema, type Result } from '../../../../shared/contract/result';

/**
 * The one module that touches `window.kiosk` (CONVENTIONS.md, renderer layout). Whatever
 * the bridge returns is parsed with the contract's own schemas before the wizard sees it,
 * so a broken or hostile bridge yields an error value, never a malformed screen.
 */
declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

export function hasKioskBridge(): boolean {
  return typeof window.kiosk?.invoke === 'function';
}

export async function callKiosk<M extends KioskMethod>(method: M, input: KioskInput<M>): Promise<Result<KioskOutput<M>>> {
  const bridge = window.kiosk;
  if (!bridge) return fail('OFFLINE');
  let raw: unknown;
  try {
    raw = await bridge.invoke(method, input);
  } catch {
    // The transport itself failed (loopback server gone, IPC closed): the terminal is cut off.
    return fail('OFFLINE');
  }
  const parsed = parseWith(resultSchema(kioskContract[method].output), raw);
  if (!parsed.ok) return fail('INTERNAL');
  return parsed.data as Result<KioskOutput<M>>;
}

/** Subscribes to back-end events; malformed events are dropped. Returns the unsubscribe. */
export function onKioskEvent(listener: (event: KioskEvent) => void): () => void {
  const bridge = window.kiosk;
  if (!bridge) return () => undefined;
  return bridge.onEvent((raw: unknown) => {
    const parsed = parseWith(KioskEventSchema, raw);
    if (parsed.ok) listener(parsed.data);
  });
}
