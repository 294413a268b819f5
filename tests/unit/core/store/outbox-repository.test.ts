import { describe, expect, it } from 'vitest';
import type { NewOutboxEntry } from '../../../../electron/core/store/outbox-repository';
import { SEALED, useOutbox } from './outbox-rig';

const sealed = SEALED;

function entry(overrides: Partial<NewOutboxEntry> = {}): NewOutboxEntry {
  return { kind: 'confirmation', idempotencyKey: `key-${Math.random()}`, reference: 'SES-7K4Q-92XD', sealed, targetId: 'act_12345678', now: 1_000, expiresAt: 100_000, ...overrides };
}

const outbox = useOutbox();

describe('outbox repository', () => {
  it('stores a pending row with its sealed body, due at once by default', () => {
    const added = outbox.add(entry());
    expect(added).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: 1_000, sealed, lastErrorCode: null });
    expect(outbox.find(added.id)).toEqual(added);
    expect(added.deferred).toBe(false);
    expect(outbox.countQueued()).toBe(1);
  });

  it('queues confirmations and deferred activations for the loop, in due order, never an interactive activation', () => {
    const late = outbox.add(entry({ nextAttemptAt: 5_000 }));
    const early = outbox.add(entry({ nextAttemptAt: 2_000 }));
    const chosen = outbox.add(entry({ kind: 'activation', deferred: true, nextAttemptAt: 3_000 }));
    outbox.add(entry({ kind: 'activation', nextAttemptAt: 0 }));
    expect(chosen.deferred).toBe(true);
    expect(outbox.listQueuedDue(1_999)).toEqual([]);
    expect(outbox.listQueuedDue(5_000).map((row) => row.id)).toEqual([early.id, chosen.id, late.id]);
    expect(outbox.nextQueuedAt()).toBe(2_000);
    expect(outbox.countQueued()).toBe(3);
  });

  it('keeps a help request queued for the loop, never orphaned by a restart, and reads it back by its kind', () => {
    const help = outbox.add(entry({ kind: 'helpRequest', targetId: 'ent77-college' }));
    expect(help).toMatchObject({ kind: 'helpRequest', deferred: true, state: 'pending', targetId: 'ent77-college' });
    expect(outbox.expireStale(2_000, 'activation')).toBe(0);
    expect(outbox.listQueuedDue(2_000)).toEqual([help]);
    expect(outbox.countQueued()).toBe(1);
  });

  it('counts a failed attempt and reschedules it', () => {
    const added = outbox.add(entry());
    expect(outbox.scheduleRetry(added.id, 'OFFLINE', 9_000, 2_000)).toBe(true);
    expect(outbox.find(added.id)).toMatchObject({ attempts: 1, lastErrorCode: 'OFFLINE', nextAttemptAt: 9_000, updatedAt: 2_000, state: 'pending' });
  });

  it('drops the sealed body when a row is settled, and settles only once', () => {
    const added = outbox.add(entry());
    expect(outbox.settle(added.id, 'delivered', null, 3_000)).toBe(true);
    expect(outbox.find(added.id)).toMatchObject({ state: 'delivered', sealed: null, attempts: 1 });
    expect(outbox.settle(added.id, 'refused', 'CODE_EXPIRED', 4_000)).toBe(false);
    expect(outbox.scheduleRetry(added.id, 'OFFLINE', 9_000, 4_000)).toBe(false);
    expect(outbox.nextQueuedAt()).toBeNull();
  });

  it('expires rows past their deadline and orphaned rows of a kind, dropping their bodies', () => {
    const old = outbox.add(entry({ expiresAt: 1_500 }));
    const fresh = outbox.add(entry());
    const orphan = outbox.add(entry({ kind: 'activation' }));
    const chosen = outbox.add(entry({ kind: 'activation', deferred: true }));
    const chosenOld = outbox.add(entry({ kind: 'activation', deferred: true, expiresAt: 1_500 }));
    expect(outbox.expireStale(2_000)).toBe(2);
    expect(outbox.find(old.id)).toMatchObject({ state: 'expired', sealed: null });
    expect(outbox.find(chosenOld.id)).toMatchObject({ state: 'expired', sealed: null });
    expect(outbox.expireStale(2_000, 'activation')).toBe(1);
    expect(outbox.find(orphan.id)?.state).toBe('expired');
    // A chosen password outlives the session that typed it (issue 3): only its deadline ends it.
    expect(outbox.find(chosen.id)).toMatchObject({ state: 'pending', sealed });
    expect(outbox.find(fresh.id)?.state).toBe('pending');
  });
});
