import type { Result } from '../../shared/contract/result';
import type { Store, StoreOps } from '../store/store';
import { appendAudit, personSubject } from './audit-log';
import type { AuditDetails } from './audit-log';

/** How an activation was proven, recorded with it (never the proof itself). */
export type ActivationProof = 'generatedPassword' | 'chosenPassword' | 'emailCode' | 'emailLink';

interface ActivationFacts {
  id: string;
  profileId: string;
  lookupKey: string;
  terminalId: string;
}

/**
 * Issue 6: "every activation recorded". A started activation (a password generated or chosen,
 * waiting for its proof) and a completed one; the emailed link is opened by the person from
 * their own browser, so that completion is the person's, not the terminal's.
 */
export async function auditActivation(tx: StoreOps, activation: ActivationFacts, event: 'started' | 'completed', proof: ActivationProof, at: Date): Promise<void> {
  const byPerson = proof === 'emailLink';
  await appendAudit(
    tx,
    {
      actorKind: byPerson ? 'person' : 'terminal',
      actor: byPerson ? 'person' : activation.terminalId,
      terminalId: activation.terminalId,
      action: `activation.${event}`,
      subject: personSubject(activation.profileId, activation.lookupKey),
      outcome: 'ok',
      details: { proof, activation: activation.id.slice(0, 8) },
    },
    at,
  );
}

/**
 * The proof email is on its way (an activation waiting for its emailed code or link). Recorded
 * in the proof's own transaction: a group board wakes on audit appends, so without this entry
 * "E-mail à confirmer" showed only at the board's next long-poll answer, up to 20 s later.
 */
export async function auditProofEmailSent(tx: StoreOps, activation: ActivationFacts, at: Date): Promise<void> {
  await appendAudit(
    tx,
    {
      actorKind: 'terminal',
      actor: activation.terminalId,
      terminalId: activation.terminalId,
      action: 'activation.emailSent',
      subject: personSubject(activation.profileId, activation.lookupKey),
      outcome: 'ok',
      details: { activation: activation.id.slice(0, 8) },
    },
    at,
  );
}

/** Refusals that come only once every identity field matched: then the person is known. */
const PERSON_KNOWN_CODES: ReadonlySet<string> = new Set(['ALREADY_ACTIVE', 'PAYMENT_PENDING', 'ACCOUNT_DEACTIVATED', 'NOT_YET_OPEN', 'CODE_USED', 'CODE_EXPIRED']);

export function isPersonKnownRefusal(code: string): boolean {
  return PERSON_KNOWN_CODES.has(code);
}

export interface RefusedAttempt {
  action: 'activation.refused' | 'recovery.reset';
  /** The terminal the attempt came from; null for an emailed link opened in the person's own browser. */
  terminalId: string | null;
  /** A profile this server has, else null (never an arbitrary string from the request). */
  profileId: string | null;
  /** `personSubject()` once the person is known; null while nothing matched (a mismatch, a throttle). */
  subject: string | null;
  code: string;
  /** The proof being checked when a started activation's proof was refused (never the proof itself). */
  proof?: ActivationProof;
  /** That activation, once known: its first 8 characters, like the entries of its start and completion. */
  activationId?: string;
}

function refusalDetails(attempt: RefusedAttempt): AuditDetails {
  const details: AuditDetails = {};
  if (attempt.profileId && !attempt.subject) details['profile'] = attempt.profileId;
  if (attempt.proof) details['proof'] = attempt.proof;
  if (attempt.activationId) details['activation'] = attempt.activationId.slice(0, 8);
  return details;
}

/**
 * Issue 6: a refused attempt is recorded too, one entry per attempt, with its stable code and
 * never what was typed. Its own transaction: a refusal has no write of its own to join (a retry
 * replayed from the idempotency store is not a new attempt and is not recorded). An emailed link
 * is opened by the person, from no terminal, so its refusal is the person's.
 */
export async function auditRefusedAttempt(store: Store, attempt: RefusedAttempt, at: Date): Promise<void> {
  const byPerson = attempt.proof === 'emailLink';
  await store.transaction(async (tx) => {
    await appendAudit(
      tx,
      {
        actorKind: byPerson ? 'person' : 'terminal',
        actor: byPerson ? 'person' : (attempt.terminalId ?? 'unknown'),
        terminalId: attempt.terminalId,
        action: attempt.action,
        subject: attempt.subject,
        outcome: attempt.code,
        details: refusalDetails(attempt),
      },
      at,
    );
  });
}

/** The activation a proof was sent for, filled in by the service once found (an unknown id names nobody). */
export interface KnownActivation {
  activation: ActivationFacts | null;
}

/**
 * A refused proof of a started activation (the generated password typed back, the emailed code
 * or link): the activation is known by its unguessable id, so the entry names its person and
 * its profile; an unknown id names nobody.
 */
export async function auditRefusedProof(
  store: Store,
  refusal: { terminalId: string | null; activation: KnownActivation['activation']; proof: ActivationProof; code: string },
  at: Date,
): Promise<void> {
  const { activation } = refusal;
  await auditRefusedAttempt(
    store,
    {
      action: 'activation.refused',
      terminalId: refusal.terminalId,
      profileId: activation?.profileId ?? null,
      subject: activation ? personSubject(activation.profileId, activation.lookupKey) : null,
      code: refusal.code,
      proof: refusal.proof,
      ...(activation ? { activationId: activation.id } : {}),
    },
    at,
  );
}

/**
 * Runs one attempt at proving a started activation and records it when refused; the attempt
 * fills `known` once it finds the activation (a replay from the idempotency store answers as
 * before and is not a new attempt).
 */
export async function withRefusedProofAudit<T>(
  ctx: { store: Store; now(): Date },
  terminalId: string,
  proof: ActivationProof,
  attempt: (known: KnownActivation) => Promise<Result<T>>,
): Promise<Result<T>> {
  const known: KnownActivation = { activation: null };
  const result = await attempt(known);
  if (!result.ok) await auditRefusedProof(ctx.store, { terminalId, activation: known.activation, proof, code: result.error.code }, ctx.now());
  return result;
}

/** A password reset through recovery (an emailed code and a new password), inside its write transaction. */
export async function auditRecoveryReset(tx: StoreOps, reset: { profileId: string; lookupKey: string; terminalId: string; activationId: string }, at: Date): Promise<void> {
  await appendAudit(
    tx,
    {
      actorKind: 'terminal',
      actor: reset.terminalId,
      terminalId: reset.terminalId,
      action: 'recovery.reset',
      subject: personSubject(reset.profileId, reset.lookupKey),
      outcome: 'ok',
      details: { activation: reset.activationId.slice(0, 8) },
    },
    at,
  );
}
