import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/contract/result';
import { appendAudit, lastAuditSeq, listAudit, verifyAuditChain } from '../../../../server/audit/audit-log';
import { answerOnce } from '../../../../server/services/idempotency-service';
import type { IdempotentRequest } from '../../../../server/services/idempotency-service';
import { recordFailure } from '../../../../server/services/throttle-service';
import type { Store } from '../../../../server/store/store';
import { STORE_FACTORIES } from './store-factories';
import type { StoreFixture } from './store-factories';

const AT = '2026-09-15T08:00:00.000Z';
const NOW = new Date(AT);

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function terminal(id: string) {
  return { id, name: `Borne ${id}`, tokenHash: 'a'.repeat(64), now: AT };
}

const SYSTEM = { actorKind: 'system' as const, actor: 'conformance', terminalId: null, subject: null, outcome: 'ok' };

/**
 * What every implementation of the storage port must guarantee (issue 5), written against the
 * interface only, so the same assertions run on each factory of STORE_FACTORIES.
 */
describe.each(STORE_FACTORIES)('storage port conformance: $name', (factory) => {
  let fixture: StoreFixture;
  let store: Store;

  beforeEach(async () => {
    fixture = await factory.create();
    store = await fixture.open();
  });
  afterEach(async () => {
    await store.close();
    await fixture.dispose();
  });

  async function reopen(): Promise<void> {
    await store.close();
    store = await fixture.open();
  }

  describe('transactions', () => {
    it('commit every write of the callback together', async () => {
      await store.transaction(async (tx) => {
        await tx.terminals.upsertTerminal(terminal('borne-a'));
        await appendAudit(tx, { ...SYSTEM, action: 'conformance.commit' }, NOW);
      });
      expect((await store.terminals.findTerminal('borne-a'))?.name).toBe('Borne borne-a');
      expect(await lastAuditSeq(store)).toBe(1);
    });

    it('roll every write back when the callback throws, even after awaiting between statements', async () => {
      const refused = store.transaction(async (tx) => {
        await tx.terminals.upsertTerminal(terminal('borne-a'));
        await pause(5);
        await appendAudit(tx, { ...SYSTEM, action: 'conformance.rollback' }, NOW);
        throw new Error('refused half-way');
      });
      await expect(refused).rejects.toThrow('refused half-way');
      expect(await store.terminals.findTerminal('borne-a')).toBeUndefined();
      expect(await lastAuditSeq(store)).toBe(0);
      // The store is usable afterwards: the failed transaction left nothing open.
      await store.transaction((tx) => tx.terminals.upsertTerminal(terminal('borne-b')));
      expect(await store.terminals.findTerminal('borne-b')).toBeDefined();
    });

    it('roll back a failed statement inside the transaction with the rest of it', async () => {
      const refused = store.transaction(async (tx) => {
        await tx.terminals.upsertTerminal(terminal('borne-a'));
        // No such terminal: the foreign key refuses the follow-up.
        await tx.followUps.insertFollowUp({ terminalId: 'inconnue', reference: 'R-1', kind: 'activation', code: 'OFFLINE', refusedAt: AT, receivedAt: AT });
      });
      await expect(refused).rejects.toThrow();
      expect(await store.terminals.findTerminal('borne-a')).toBeUndefined();
    });

    it('let a read outside a transaction never see that transaction\'s uncommitted writes', async () => {
      let written = () => {};
      const wrote = new Promise<void>((resolve) => (written = resolve));
      const refused = store.transaction(async (tx) => {
        await tx.terminals.upsertTerminal(terminal('borne-a'));
        written();
        await pause(20);
        await tx.throttle.saveThrottle({ scope: 'identity', keyHash: 'k', failures: 1, windowStartedAt: AT, lastFailureAt: AT, blockedUntil: null });
        await pause(20);
        throw new Error('never committed');
      });
      // Reads from outside the transaction (another request), issued while it is open.
      await wrote;
      const reads = [store.terminals.findTerminal('borne-a'), store.throttle.findThrottle('identity', 'k')];
      await pause(25);
      reads.push(store.terminals.findTerminal('borne-a'));
      await expect(refused).rejects.toThrow('never committed');
      expect(await Promise.all(reads)).toEqual([undefined, undefined, undefined]);
    });

    it('serialise writers: two read-modify-write transactions racing lose no update', async () => {
      const keys = { identity: 'same-person' };
      await Promise.all([
        store.transaction((tx) => recordFailure(tx, keys, NOW)),
        store.transaction(async (tx) => {
          await pause(5);
          await recordFailure(tx, keys, NOW);
        }),
        store.transaction((tx) => recordFailure(tx, keys, NOW)),
      ]);
      expect((await store.throttle.findThrottle('identity', 'same-person'))?.failures).toBe(3);
    });

    it('refuse the store itself inside a transaction\'s callback, and a transaction used after it ended', async () => {
      let leaked: Parameters<Parameters<Store['transaction']>[0]>[0] | undefined;
      const misuse = store.transaction(async (tx) => {
        leaked = tx;
        await store.terminals.findTerminal('borne-a');
      });
      await expect(misuse).rejects.toThrow(/inside a transaction/);
      await expect(leaked?.terminals.findTerminal('borne-a') ?? Promise.resolve()).rejects.toThrow(/after it had ended/);
      expect(await store.terminals.findTerminal('borne-a')).toBeUndefined();
    });
  });

  describe('idempotency', () => {
    const request: IdempotentRequest = { key: 'key-1', terminalId: 'borne-a', route: 'POST /v1/activations', fingerprint: 'same-request' };

    it('two concurrent transactions on one key: one answer stored and done once, the other replays it', async () => {
      let writes = 0;
      const attempt = (label: string) =>
        answerOnce<{ by: string }>(store, request, NOW, async (tx) => {
          writes += 1;
          await tx.terminals.upsertTerminal(terminal(`borne-${label}`));
          // Awaiting inside the transaction: the other request must still wait for this one.
          await pause(10);
          return ok({ status: 201, body: { by: label } });
        });
      const [first, second] = await Promise.all([attempt('first'), attempt('second')]);
      expect(writes).toBe(1);
      expect([first.fresh, second.fresh].sort()).toEqual([false, true]);
      expect(first.result).toEqual(second.result);
      const winner = first.fresh ? 'first' : 'second';
      expect(first.result).toEqual(ok({ status: 201, body: { by: winner } }));
      expect(await store.terminals.findTerminal(`borne-${winner === 'first' ? 'second' : 'first'}`)).toBeUndefined();
    });

    it('a stored answer survives reopening the store and is replayed, not redone', async () => {
      await answerOnce(store, request, NOW, async () => ok({ status: 201, body: { by: 'before' } }));
      await reopen();
      const again = await answerOnce(store, request, NOW, async () => ok({ status: 201, body: { by: 'after' } }));
      expect(again).toEqual({ result: ok({ status: 201, body: { by: 'before' } }), fresh: false });
    });
  });

  describe('durability across reopening', () => {
    it('keeps the throttle counters', async () => {
      const keys = { identity: 'person', terminal: 'terminal' };
      for (let failure = 0; failure < 6; failure += 1) await store.transaction((tx) => recordFailure(tx, keys, NOW));
      await reopen();
      const row = await store.throttle.findThrottle('identity', 'person');
      expect(row).toMatchObject({ failures: 6, windowStartedAt: AT });
      expect(row?.blockedUntil).not.toBeNull();
      expect((await store.throttle.findThrottle('terminal', 'terminal'))?.failures).toBe(6);
    });

    it('keeps the audit chain, which still verifies and goes on from its head', async () => {
      for (let index = 0; index < 3; index += 1) {
        await store.transaction((tx) => appendAudit(tx, { ...SYSTEM, action: `conformance.${index}`, details: { index } }, NOW));
      }
      await reopen();
      expect(await verifyAuditChain(store)).toEqual({ ok: true, checked: 3 });
      await store.transaction((tx) => appendAudit(tx, { ...SYSTEM, action: 'conformance.after' }, NOW));
      const entries = await listAudit(store);
      expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
      expect(entries[3]?.prevHash).toBe(entries[2]?.hash);
      expect(await verifyAuditChain(store)).toEqual({ ok: true, checked: 4 });
    });

    it('keeps follow-ups, open and resolved', async () => {
      await store.transaction(async (tx) => {
        await tx.terminals.upsertTerminal(terminal('borne-a'));
        await tx.staff.insertStaff({ username: 'camille', displayName: 'Camille B.', role: 'agent', passwordHash: 'scrypt$unused', totpSecretEnc: null, emailEnc: null, createdAt: AT });
        const report = { terminalId: 'borne-a', kind: 'activation', code: 'OFFLINE', refusedAt: AT, receivedAt: AT };
        expect(await tx.followUps.insertFollowUp({ ...report, reference: 'R-1' })).toBe(true);
        expect(await tx.followUps.insertFollowUp({ ...report, reference: 'R-1' })).toBe(false);
        expect(await tx.followUps.insertFollowUp({ ...report, reference: 'R-2' })).toBe(true);
      });
      const [first] = await store.followUps.listFollowUps({ open: true });
      expect(await store.followUps.resolveFollowUp(first?.id ?? 0, 'camille', AT)).toBe(true);
      await reopen();
      expect((await store.followUps.listFollowUps({ open: true })).map((row) => row.reference)).toEqual(['R-2']);
      expect(await store.followUps.listFollowUps({ open: false, reference: 'R-1' })).toMatchObject([{ resolvedBy: 'camille', resolvedAt: AT }]);
      expect(await store.followUps.countOpenFollowUpsByTerminal()).toEqual(new Map([['borne-a', 1]]));
    });
  });

  describe('audit notifications', () => {
    it('announce an append once its transaction committed, never one that rolled back', async () => {
      const heard: number[] = [];
      const off = store.onAuditAppended((seq) => heard.push(seq));
      await expect(store.transaction(async (tx) => {
        await appendAudit(tx, { ...SYSTEM, action: 'conformance.lost' }, NOW);
        throw new Error('rolled back');
      })).rejects.toThrow('rolled back');
      await store.transaction((tx) => appendAudit(tx, { ...SYSTEM, action: 'conformance.kept' }, NOW));
      await pause(20);
      off();
      expect(heard).toEqual([1]);
    });
  });

  it('closes once the work in flight has finished', async () => {
    const slow = store.transaction(async (tx) => {
      await pause(10);
      await tx.terminals.upsertTerminal(terminal('borne-a'));
    });
    await store.close();
    await slow;
    store = await fixture.open();
    expect(await store.terminals.findTerminal('borne-a')).toBeDefined();
  });
});
