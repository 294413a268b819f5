import { isKioskMethod, kioskContract } from '../../shared/contract/kiosk-api';
import type { KioskHandlers, KioskMethod } from '../../shared/contract/kiosk-api';
import { parseWith } from '../../shared/contract/parse';
import { fail } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';

/**
 * The one binding of the kiosk contract, shared by both transports (Electron IPC and loopback
 * HTTP): the method name and its input arrive as `unknown` from an untrusted page, are checked
 * against the table in shared/contract/kiosk-api.ts, and only then reach core (CONVENTIONS.md §1,
 * LOCKDOWN.md #13). It never throws: every failure is a Result with a stable code.
 */
export async function dispatchKioskCall(
  handlers: KioskHandlers,
  method: unknown,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isKioskMethod(method)) return fail('NOT_FOUND');
  const parsed = parseWith(kioskContract[method].input, rawInput);
  if (!parsed.ok) return fail('INVALID_INPUT', { fields: parsed.problems });
  try {
    return await callHandler(handlers, method, parsed.data);
  } catch (error) {
    // Handlers are meant never to throw; if one does, say so by code only (no input, which may
    // hold personal data, and no message, which may quote it).
    console.error(`[sesame] handler ${method} threw: ${error instanceof Error ? error.name : typeof error}`);
    return fail('INTERNAL');
  }
}

function callHandler(handlers: KioskHandlers, method: KioskMethod, input: unknown): Promise<Result<unknown>> {
  // The input was parsed with this very method's schema just above; TypeScript cannot correlate
  // the method key with its handler's parameter type across the union, hence the widening.
  const handler = handlers[method] as (input: unknown) => Promise<Result<unknown>>;
  return handler(input);
}
