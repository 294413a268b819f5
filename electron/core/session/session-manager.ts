import type { KioskEvent, SESSION_END_REASONS } from '../../../shared/contract/kiosk-api';
import type { Profile } from '../../../shared/schemas/profile-schema';
import type { Clock } from '../clock';
import { createIdleTimer } from './idle-timer';
import { KioskSession } from './kiosk-session';

export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface SessionManagerOptions {
  clock: Clock;
  idle: { timeoutS: number; warningS: number };
  emit: (event: KioskEvent) => void;
}

/** One session at a time, its idle countdown, and the wipe that ends it. */
export function createSessionManager(options: SessionManagerOptions) {
  let current: KioskSession | null = null;
  const idle = createIdleTimer({
    clock: options.clock,
    timeoutMs: options.idle.timeoutS * 1000,
    warningMs: options.idle.warningS * 1000,
    onWarning(deadline, secondsLeft) {
      options.emit({ type: 'session.idleWarning', deadline: new Date(deadline).toISOString(), secondsLeft });
    },
    onTimeout() {
      end('idle');
    },
  });

  function wipeCurrent(): void {
    idle.stop();
    current?.wipe();
    current = null;
  }

  /** Wipes whatever session there is (none is fine: ending is idempotent) and says so. */
  function end(reason: SessionEndReason): void {
    wipeCurrent();
    options.emit({ type: 'session.ended', reason });
  }

  return {
    /** A new start silently wipes the previous person's session first; `waived`: see KioskSession. */
    start(profile: Profile, waived: readonly string[] = []): KioskSession {
      wipeCurrent();
      current = new KioskSession(profile, waived);
      idle.touch();
      return current;
    },
    current(): KioskSession | null {
      return current;
    },
    /** True while `session` is still the live one (an answer that arrives after a wipe is dropped). */
    isLive(session: KioskSession): boolean {
      return current === session && !session.wiped;
    },
    /** Activity: pushes the idle deadline back; null without a session. */
    touch(): number | null {
      return current ? idle.touch() : null;
    },
    end,
    /** Stops the timers and drops the session without an event (the core closing). */
    close(): void {
      wipeCurrent();
    },
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
