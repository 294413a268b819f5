import { describe, expect, it } from 'vitest';
import type { NewOutboxEntry } from '../../../../electron/core/store/outbox-repository';
import { SEALED, useOutbox } from './outbox-rig';

/** Refusals after the person left (issue 5, migration 005): kept, listed for the heartbeat, marked once acknowledged. */
const sealed = SEALED;

function entry(overrides: Partial<NewOutboxEntry> = {}): NewOutboxEntry {
  return { kind: 'activation', deferred: true, idempotencyKey: `key-${Math.random()}`, reference: 'SES-7K4Q-92XD', sealed, targetId: 'ent77-college', now: 1_000, expiresAt: 100_000, ...overrides };
}

const outbox = useOutbox();

describe('outbox follow-ups', () => {
  it('keeps a background refusal for staff with its reference and code, the sealed body dropped', () => {
    const row = outbox.add(entry());
    expect(outbox.settle(row.id, 'refused', 'ALREADY_ACTIVE', 5_000, { followUp: true })).toBe(true);
    expect(outbox.find(row.id)).toMatchObject({ state: 'refused', sealed: null, lastErrorCode: 'ALREADY_ACTIVE', followUp: true, reportedAt: null });
    expect(outbox.listUnreportedFollowUps(10)).toEqual([{ id: row.id, kind: 'activation', reference: 'SES-7K4Q-92XD', code: 'ALREADY_ACTIVE', refusedAt: 5_000 }]);
    expect(outbox.countUnreportedFollowUps()).toBe(1);
  });

  it('does not keep a refusal given at the screen, nor a delivery or an expiry, even if asked to', () => {
    const atScreen = outbox.add(entry());
    outbox.settle(atScreen.id, 'refused', 'CODE_USED', 2_000);
    const delivered = outbox.add(entry());
    outbox.settle(delivered.id, 'delivered', null, 2_000, { followUp: true });
    const expired = outbox.add(entry());
    outbox.settle(expired.id, 'expired', 'OFFLINE', 2_000, { followUp: true });
    expect(outbox.listUnreportedFollowUps(10)).toEqual([]);
    expect(outbox.find(atScreen.id)?.followUp).toBe(false);
  });

  it('lists the oldest first up to the limit, and stops listing a row once the server acknowledged it', () => {
    const ids = [3_000, 2_000, 4_000].map((at, i) => {
      const row = outbox.add(entry({ reference: `SES-AAAA-000${i}` }));
      outbox.settle(row.id, 'refused', 'CODE_USED', at, { followUp: true });
      return row.id;
    });
    expect(outbox.listUnreportedFollowUps(2).map((f) => f.reference)).toEqual(['SES-AAAA-0001', 'SES-AAAA-0000']);
    expect(outbox.markReported([ids[1] ?? 0], 9_000)).toBe(1);
    // Acknowledged again (a beat answered twice): nothing changes, the first time stays.
    expect(outbox.markReported([ids[1] ?? 0], 9_500)).toBe(0);
    expect(outbox.find(ids[1] ?? 0)?.reportedAt).toBe(9_000);
    expect(outbox.listUnreportedFollowUps(10).map((f) => f.reference)).toEqual(['SES-AAAA-0000', 'SES-AAAA-0002']);
    expect(outbox.countUnreportedFollowUps()).toBe(2);
  });

  it('a refusal once settled is not overwritten by a later answer for the same row', () => {
    const row = outbox.add(entry());
    outbox.settle(row.id, 'refused', 'CODE_USED', 2_000, { followUp: true });
    expect(outbox.settle(row.id, 'refused', 'ALREADY_ACTIVE', 3_000)).toBe(false);
    expect(outbox.listUnreportedFollowUps(10).map((f) => f.code)).toEqual(['CODE_USED']);
  });

  it('turns a queued submission that outlived its deadline into a follow-up (EXPIRED_UNSENT), not an orphan generated password', () => {
    const promised = outbox.add(entry({ reference: 'SES-LATE-0001', expiresAt: 50_000 }));
    const fresh = outbox.add(entry({ reference: 'SES-LATE-0002', expiresAt: 500_000 }));
    const orphan = outbox.add(entry({ reference: 'SES-ORPH-0001', deferred: false, expiresAt: 500_000 }));
    expect(outbox.expireStale(60_000, 'activation')).toBe(2);
    expect(outbox.find(promised.id)).toMatchObject({ state: 'expired', sealed: null, followUp: true, lastErrorCode: 'EXPIRED_UNSENT' });
    expect(outbox.find(orphan.id)).toMatchObject({ state: 'expired', followUp: false });
    expect(outbox.find(fresh.id)?.state).toBe('pending');
    expect(outbox.listUnreportedFollowUps(10)).toEqual([{ id: promised.id, kind: 'activation', reference: 'SES-LATE-0001', code: 'EXPIRED_UNSENT', refusedAt: 60_000 }]);
  });
});
