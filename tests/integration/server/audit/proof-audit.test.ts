import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit, personSubject, verifyAuditChain } from '../../../../server/audit/audit-log';
import type { StoreOps } from '../../../../server/store/store';
import type { AuditEntry } from '../../../../shared/contract/staff-api';
import { EmailProofHarness, codeOf, linkOf, newKey } from '../email-proof-harness';
import { demoPerson } from '../helpers/demo-person';
import { TERMINAL_ID, useServerHarness } from '../helpers/server-harness';

const PERSON = /^[a-z0-9-]+:[A-Za-z0-9_-]{16}$/;
const UNKNOWN_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

function row(entry: AuditEntry) {
  return [entry.action, entry.outcome, entry.actorKind, entry.actor, entry.terminalId, entry.subject, entry.details];
}

/** A value of the same shape as `value` that is not it. */
function otherThan(value: string): string {
  return value.replace(/^./, (char) => (char === 'A' ? 'B' : 'A'));
}

/**
 * Every way a typed value could have been written down; none may be in the trail. A short one
 * (a six-character code) could turn up inside a hash by chance, so it is looked for only where
 * a value of its own would start.
 */
function expectNoneOf(entries: AuditEntry[], values: string[]): void {
  const text = JSON.stringify(entries);
  for (const value of values.flatMap((typed) => [typed, typed.replace(/-/g, ''), typed.toLowerCase(), typed.replace(/-/g, '').toLowerCase()])) {
    expect(text).not.toContain(value.length >= 8 ? value : `"${value}`);
  }
}

async function trailAfter(store: StoreOps, seq: number): Promise<AuditEntry[]> {
  return await listAudit(store, { afterSeq: seq });
}

describe('refused proofs of a started activation are audited (issue 6)', () => {
  const harness = useServerHarness();

  it('records a wrong or expired generated password typed back, once per attempt, never the password', async () => {
    const server = harness();
    const camille = demoPerson('eligible');
    const older = await server.activate(camille, newKey());
    const started = await server.activate(camille, newKey());
    expect(started.status).toBe(201);
    const id = String(started.body['activationId']);
    const password = String(started.body['password']);
    const olderPassword = String(older.body['password']);
    const head = (await server.withStore(async (store) => await listAudit(store))).length;
    expect((await server.confirm(id, otherThan(password), newKey())).body.error?.code).toBe('PASSWORD_MISMATCH');
    expect((await server.confirm(String(older.body['activationId']), olderPassword, newKey())).body.error?.code).toBe('CODE_EXPIRED');
    expect((await server.confirm(UNKNOWN_ID, password, newKey())).body.error?.code).toBe('NOT_FOUND');
    const key = newKey();
    expect((await server.confirm(id, password, key)).status).toBe(200);
    // The retry of a lost answer is replayed: the same attempt, no second entry.
    expect((await server.confirm(id, password, key)).status).toBe(200);
    const entries = await server.withStore(async (store) => await trailAfter(store, head));
    const subject = entries[0]?.subject;
    expect(subject).toMatch(PERSON);
    expect(subject?.startsWith('cergy-etudiant:')).toBe(true);
    const proof = (activationId: string) => ({ proof: 'generatedPassword', activation: activationId.slice(0, 8) });
    expect(entries.map(row)).toEqual([
      ['activation.refused', 'PASSWORD_MISMATCH', 'terminal', TERMINAL_ID, TERMINAL_ID, subject, proof(id)],
      ['activation.refused', 'CODE_EXPIRED', 'terminal', TERMINAL_ID, TERMINAL_ID, subject, proof(String(older.body['activationId']))],
      // An id that is no activation names nobody, not even a profile.
      ['activation.refused', 'NOT_FOUND', 'terminal', TERMINAL_ID, TERMINAL_ID, null, { proof: 'generatedPassword' }],
      ['activation.completed', 'ok', 'terminal', TERMINAL_ID, TERMINAL_ID, subject, proof(id)],
    ]);
    const all = await server.withStore(async (store) => await listAudit(store));
    expectNoneOf(all, [password, otherThan(password), olderPassword]);
    expect((await server.withStore(verifyAuditChain)).ok).toBe(true);
  });

  it('records the throttle a run of wrong passwords ends in, naming the person', async () => {
    const server = harness();
    const started = await server.activate(demoPerson('eligible'), newKey());
    const id = String(started.body['activationId']);
    const password = String(started.body['password']);
    const head = (await server.withStore(async (store) => await listAudit(store))).length;
    const codes: string[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) codes.push(String((await server.confirm(id, otherThan(password), newKey())).body.error?.code));
    expect(codes).toEqual([...Array.from({ length: 5 }, () => 'PASSWORD_MISMATCH'), 'THROTTLED']);
    const entries = await server.withStore(async (store) => await trailAfter(store, head));
    expect(entries.map((entry) => [entry.action, entry.outcome])).toEqual(codes.map((code) => ['activation.refused', code]));
    expect(new Set(entries.map((entry) => entry.subject)).size).toBe(1);
    expect(entries[5]?.subject).toMatch(PERSON);
    expectNoneOf(entries, [password, otherThan(password)]);
  });
});

describe('refused emailed codes and links are audited (issue 6)', () => {
  let proofs: EmailProofHarness;
  beforeEach(async () => {
    proofs = await EmailProofHarness.start();
  });
  afterEach(async () => {
    await proofs.close();
  });

  it('records a wrong code, a used one and an unknown activation, not a replayed retry nor a harmless second success', async () => {
    const pending = await proofs.pending();
    const code = codeOf(await proofs.nextMail(pending.to));
    const store = proofs.ctx.store;
    const head = (await listAudit(store)).length;
    expect((await proofs.confirmCode(pending.activationId, otherThan(code))).body.error?.code).toBe('CODE_INVALID');
    expect((await proofs.confirmCode(UNKNOWN_ID, code)).body.error?.code).toBe('NOT_FOUND');
    const key = newKey();
    expect((await proofs.confirmCode(pending.activationId, code, key)).status).toBe(200);
    expect((await proofs.confirmCode(pending.activationId, code, key)).status).toBe(200);
    // The right code again under a new key is the same success: nothing was refused.
    expect((await proofs.confirmCode(pending.activationId, code)).status).toBe(200);
    expect((await proofs.confirmCode(pending.activationId, otherThan(code))).body.error?.code).toBe('CODE_USED');
    const subject = personSubject('um-etudiant', pending.lookupKey);
    const details = { proof: 'emailCode', activation: pending.activationId.slice(0, 8) };
    expect((await trailAfter(store, head)).map(row)).toEqual([
      ['activation.refused', 'CODE_INVALID', 'terminal', TERMINAL_ID, TERMINAL_ID, subject, details],
      ['activation.refused', 'NOT_FOUND', 'terminal', TERMINAL_ID, TERMINAL_ID, null, { proof: 'emailCode' }],
      ['activation.completed', 'ok', 'terminal', TERMINAL_ID, TERMINAL_ID, subject, details],
      ['activation.refused', 'CODE_USED', 'terminal', TERMINAL_ID, TERMINAL_ID, subject, details],
    ]);
    expectNoneOf(await listAudit(store), [code, otherThan(code)]);
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });

  it('counts the fifth wrong code, which voids it, as CODE_EXPIRED', async () => {
    const pending = await proofs.pending();
    const code = codeOf(await proofs.nextMail(pending.to));
    const head = (await listAudit(proofs.ctx.store)).length;
    for (let attempt = 0; attempt < 5; attempt += 1) await proofs.confirmCode(pending.activationId, otherThan(code));
    const outcomes = (await trailAfter(proofs.ctx.store, head)).map((entry) => entry.outcome);
    expect(outcomes).toEqual(['CODE_INVALID', 'CODE_INVALID', 'CODE_INVALID', 'CODE_INVALID', 'CODE_EXPIRED']);
  });

  it("records a refused link as the person's, with why the page would not say, never the token", async () => {
    const store = proofs.ctx.store;
    const used = await proofs.pending();
    const usedLink = linkOf(await proofs.nextMail(used.to));
    const late = await proofs.pending({ expiresInMs: 60_000 });
    const lateLink = linkOf(await proofs.nextMail(late.to));
    const forged = usedLink.replace(/[A-Za-z0-9_-]{43}$/, (token) => otherThan(token));
    const head = (await listAudit(store)).length;
    expect((await proofs.confirmLink(forged)).status).toBe(404);
    expect((await proofs.confirmLink(usedLink)).status).toBe(200);
    expect((await proofs.confirmLink(usedLink)).status).toBe(404);
    proofs.clock.advance(60_000);
    expect((await proofs.confirmLink(lateLink)).status).toBe(404);
    // Opening the page is not an attempt: only its button is.
    expect((await proofs.openLink(lateLink)).status).toBe(404);
    const person = (pending: typeof used) => personSubject('um-etudiant', pending.lookupKey);
    const details = (pending: typeof used) => ({ proof: 'emailLink', activation: pending.activationId.slice(0, 8) });
    expect((await trailAfter(store, head)).map(row)).toEqual([
      ['activation.refused', 'CODE_INVALID', 'person', 'person', null, null, { proof: 'emailLink' }],
      ['activation.completed', 'ok', 'person', 'person', TERMINAL_ID, person(used), details(used)],
      ['activation.refused', 'CODE_USED', 'person', 'person', TERMINAL_ID, person(used), details(used)],
      ['activation.refused', 'CODE_EXPIRED', 'person', 'person', TERMINAL_ID, person(late), details(late)],
    ]);
    const tokens = [usedLink, lateLink, forged].map((link) => link.slice(-43));
    expectNoneOf(await listAudit(store), tokens);
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });
});
