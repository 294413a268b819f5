import type { Result } from '../../../shared/contract/result';
import type { KioskSession } from './kiosk-session';
import type { SessionManager } from './session-manager';

/**
 * What every activation step does with the live session: touch it (each step counts as activity
 * for the idle timer) and make a double tap run one call, not two (a second activation would
 * supersede the first; a second code would be spent for nothing).
 */
export function createSessionCalls(sessions: SessionManager) {
  const inFlight = new WeakMap<KioskSession, Map<string, Promise<Result<unknown>>>>();

  return {
    /** The live session, if any, its idle deadline pushed back. */
    touchedSession(): KioskSession | null {
      const session = sessions.current();
      if (session) sessions.touch();
      return session;
    },

    /** Runs `run` unless a call of the same name is under way for `session`; then shares its answer. */
    once<T>(session: KioskSession, name: string, run: () => Promise<Result<T>>): Promise<Result<T>> {
      const calls = inFlight.get(session) ?? new Map<string, Promise<Result<unknown>>>();
      inFlight.set(session, calls);
      const running = calls.get(name);
      if (running) return running as Promise<Result<T>>;
      const started = run().finally(() => calls.delete(name));
      calls.set(name, started);
      return started;
    },
  };
}

export type SessionCalls = ReturnType<typeof createSessionCalls>;
