/**
 * The back end's only log line: an event name and a few fields that are codes, counts or
 * statuses. It never takes free text from a request or response, so no name, birth date,
 * student number, password or token can reach it (LOCKDOWN.md #18).
 */
export type LogField = string | number | boolean;

export function logCoreEvent(event: string, fields: Record<string, LogField> = {}): void {
  console.warn(JSON.stringify({ at: 'kiosk-core', event, ...fields }));
}

/** The name of an exception's class only: its message may quote input. */
export function errorKind(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * The system or undici code under a failed fetch (`ECONNRESET`, `UND_ERR_SOCKET`, …), or `none`:
 * only an all-caps identifier passes, so a message that quotes input never can.
 */
export function errorCode(error: unknown): string {
  const cause: unknown = error instanceof Error ? (error.cause ?? error) : undefined;
  const code: unknown = cause !== null && typeof cause === 'object' && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : 'none';
}
