import type { KioskEvent } from '../../../shared/contract/kiosk-api';
import type { STAFF_LOCK_REASONS } from '../../../shared/contract/kiosk-staff-api';
import type { StaffIdentity } from '../../../shared/contract/staff-api';
import type { IdentityInput } from '../../../shared/policies/identity-rules';
import type { Clock, ClockTimer } from '../clock';

export type StaffLockReason = (typeof STAFF_LOCK_REASONS)[number];

/** One person looked up under this staff session: what "Continuer avec la personne" needs. */
export interface StaffCase {
  profileId: string;
  /** The record fields staff typed (never a letter secret: staff search excludes them). */
  identity: IdentityInput;
  /** The last id check the server reported for this person (epoch ms), if any. */
  idCheckValidUntil: number | null;
}

/** A signed-in staff member. Dropped whole on lock, so a late answer finds it dead. */
export interface StaffHold {
  readonly token: string;
  readonly staff: StaffIdentity;
  readonly cases: Map<string, StaffCase>;
}

export interface StaffSessionOptions {
  clock: Clock;
  lockAfterS: number;
  emit: (event: KioskEvent) => void;
  /** Ends the session on the server; failures are the server's idle expiry's business. */
  signOutRemote: (token: string) => Promise<unknown>;
}

/**
 * The staff session of this terminal (issue 6), in memory only: the token, who signed in, the
 * auto-lock deadline, the cases looked up. Nothing of it is written to SQLite or logged;
 * locking drops the object, like wiping a person's session (DESIGN.md "Security model").
 */
export function createStaffSession(options: StaffSessionOptions) {
  const { clock } = options;
  let current: StaffHold | null = null;
  let timer: ClockTimer | null = null;
  let deadline: number | null = null;

  function disarm(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    deadline = null;
  }

  function arm(): number {
    disarm();
    const at = clock.now() + options.lockAfterS * 1000;
    deadline = at;
    timer = clock.setTimeout(() => {
      timer = null;
      void lock('idle');
    }, options.lockAfterS * 1000);
    return at;
  }

  /** Drops everything held, without an event; the server sign-out is best effort. */
  function drop(remote: boolean): Promise<void> {
    const held = current;
    disarm();
    current = null;
    if (!held) return Promise.resolve();
    held.cases.clear();
    // "expired": the server already ended it; telling it again would only be refused.
    return remote ? options.signOutRemote(held.token).then(() => undefined, () => undefined) : Promise.resolve();
  }

  /** Locks (when signed in): sign-out on the server, everything dropped, `staff.locked` said. */
  function lock(reason: StaffLockReason): Promise<void> {
    if (!current) return Promise.resolve();
    const done = drop(reason !== 'expired');
    options.emit({ type: 'staff.locked', reason });
    return done;
  }

  return {
    /** A new sign-in replaces any previous one silently (its server session is ended too). */
    open(token: string, staff: StaffIdentity): StaffHold {
      void drop(true);
      current = { token, staff, cases: new Map() };
      arm();
      return current;
    },
    current(): StaffHold | null {
      return current;
    },
    isLive(hold: StaffHold): boolean {
      return current === hold;
    },
    /** Activity on a staff screen or call: pushes the lock back; null when not signed in. */
    touch(): number | null {
      return current ? arm() : null;
    },
    get deadline(): number | null {
      return deadline;
    },
    lock,
    /** The core closing: no event, the server's own expiry ends the session. */
    close(): void {
      void drop(false);
    },
  };
}

export type StaffSession = ReturnType<typeof createStaffSession>;
