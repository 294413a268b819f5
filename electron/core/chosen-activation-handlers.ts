import type { KioskHandlers, KioskOutput } from '../../shared/contract/kiosk-api';
import { fail, ok, type AppError, type Result } from '../../shared/contract/result';
import { evaluatePassword, type DictionaryCheck } from '../../shared/policies/password-policy';
import type { IdentityInput } from '../../shared/policies/identity-rules';
import { normalizeCode } from '../../shared/policies/secret-codes';
import type { PasswordPolicy } from '../../shared/schemas/password-policy-schema';
import type { ConfigSync } from './config/config-sync';
import { checkChoice } from './password/choice-checks';
import { loginFor, passwordContextFor } from './password/password-context';
import type { HeldChoice, KioskSession } from './session/kiosk-session';
import type { SessionCalls } from './session/session-calls';
import type { SessionManager } from './session/session-manager';
import type { EmailProofCalls } from './sync/email-proof-calls';
import type { ServerLink } from './sync/server-link';
import type { ChoiceOutcome, SubmissionService } from './sync/submission-service';

export interface ChosenActivationHandlerDeps {
  sessions: SessionManager;
  calls: SessionCalls;
  link: ServerLink;
  submissions: SubmissionService;
  emailProof: EmailProofCalls;
  /** The French and English dictionaries (umontpellier seed), loaded in the back end only. */
  dictionary: DictionaryCheck;
  /** Absent (unit rigs): a terms refusal is passed on as the server gave it. */
  configSync?: Pick<ConfigSync, 'newerTerms'>;
}

type ChosenHandlers = Pick<KioskHandlers, 'password.check' | 'activation.choose' | 'activation.confirmEmail' | 'activation.resendEmail'>;
type Eligible = { session: KioskSession; policy: PasswordPolicy; identity: IdentityInput };

/**
 * The chosen-password procedures (ENT 77, IDF, Montpellier, Scolarité Services): the live
 * checklist, the choice itself, and the emailed code that finishes it at the kiosk. The
 * candidate password is never logged and lives only in this call and its sealed box.
 */
export function createChosenActivationHandlers(deps: ChosenActivationHandlerDeps): ChosenHandlers {
  const { sessions } = deps;
  const { touchedSession, once } = deps.calls;

  /**
   * The live session of a chosen-password profile after an eligible lookup, or why not. The live
   * checklist also serves the reset screen of a password recovery, checked against the fields
   * typed for it (a recovery is always more recent than the lookup: a lookup forgets it).
   */
  function eligible(forChecklist = false): Result<Eligible> {
    const session = touchedSession();
    if (!session) return fail('NO_SESSION');
    const { password } = session.profile;
    if (password.mode !== 'chosen') return fail('INVALID_INPUT');
    const recovery = forChecklist ? session.pendingPasswordRecovery : null;
    const identity = recovery?.fields ?? session.eligibleIdentity;
    if (!identity) return fail('NO_SESSION');
    return ok({ session, policy: password.policy, identity });
  }

  /** The held outcome while the person still waits for the emailed code. */
  function awaitingEmail(session: KioskSession): (HeldChoice & { activationId: string }) | null {
    const held = session.choice;
    return held?.state === 'awaitingEmail' && held.activationId ? { ...held, activationId: held.activationId } : null;
  }

  function held(session: KioskSession, outcome: ChoiceOutcome, identity: IdentityInput): HeldChoice {
    if (outcome.state === 'pending') return { state: 'pending', login: loginFor(session.profile, identity), reference: outcome.reference };
    const { activation } = outcome;
    return {
      state: activation.state, login: activation.login, reference: outcome.reference, activationId: activation.activationId,
      ...(activation.email === undefined ? {} : { email: activation.email }),
      ...(activation.sentTo === undefined ? {} : { sentTo: activation.sentTo }),
    };
  }

  /**
   * Issue 5: the server refused the terms version this session showed (a new version was
   * deployed mid-visit). The person keeps their password and contact and is shown the new terms
   * to tick again (`session.terms`), rather than accepting, unseen, a text they never read.
   */
  async function askTermsAgain(session: KioskSession, refused: Result<never>): Promise<Result<never>> {
    const terms = (await deps.configSync?.newerTerms(session.profile)) ?? null;
    if (!sessions.isLive(session)) return fail('NO_SESSION');
    if (!terms) return refused;
    session.adoptTerms(terms);
    return fail('INVALID_INPUT', { fields: [{ key: 'termsAccepted', reason: 'required' }] });
  }

  return {
    async 'password.check'({ candidate }) {
      const context = eligible(true);
      if (!context.ok) return context;
      const { session, policy, identity } = context.value;
      return ok(evaluatePassword(policy, candidate, passwordContextFor(session.profile, identity), deps.dictionary));
    },

    async 'activation.choose'(input) {
      const context = eligible();
      if (!context.ok) return context;
      const { session, policy, identity } = context.value;
      // Already answered in this session (a late second tap): the same answer, nothing sent.
      const earlier = session.choice;
      if (earlier) return ok(chooseAnswer(earlier));
      const checked = checkChoice(session.profile, policy, input, passwordContextFor(session.profile, identity), deps.dictionary);
      if (!checked.ok) return checked;
      return once(session, 'choose', async () => {
        const key = await deps.link.sealingKey();
        if (!sessions.isLive(session)) return fail('NO_SESSION');
        // Without the server's key nothing can be sealed, so nothing can be queued either.
        if (!key) return fail('OFFLINE');
        const result = await deps.submissions.submitChoice(session.profile.id, identity, checked.value, key);
        if (!sessions.isLive(session)) return fail('NO_SESSION');
        if (!result.ok) return termsMovedOn(result.error) ? askTermsAgain(session, result) : result;
        const outcome = held(session, result.value, identity);
        session.holdChoice(outcome);
        return ok(chooseAnswer(outcome));
      });
    },

    async 'activation.confirmEmail'({ code }) {
      const session = touchedSession();
      if (!session) return fail('NO_SESSION');
      const done = session.choice;
      if (done?.state === 'active' && done.emailConfirmed) return ok({ state: 'active' as const, reference: done.reference });
      const waiting = awaitingEmail(session);
      if (!waiting) return fail('NO_SESSION');
      if (normalizeCode(code) === '') return fail('INVALID_INPUT', { fields: [{ key: 'code', reason: 'required' }] });
      return once(session, 'confirmEmail', async () => {
        const key = await deps.link.sealingKey();
        if (!key) return fail('OFFLINE');
        const result = await deps.emailProof.confirm(waiting.activationId, code, key);
        if (!sessions.isLive(session)) return fail('NO_SESSION');
        if (!result.ok) return { ok: false, error: result.error };
        session.holdChoice({ ...waiting, state: 'active', emailConfirmed: true });
        return ok({ state: 'active' as const, reference: waiting.reference });
      });
    },

    async 'activation.resendEmail'() {
      const session = touchedSession();
      if (!session) return fail('NO_SESSION');
      const waiting = awaitingEmail(session);
      if (!waiting) return fail('NO_SESSION');
      return once(session, 'resendEmail', async () => {
        const result = await deps.emailProof.resend(waiting.activationId);
        if (!sessions.isLive(session)) return fail('NO_SESSION');
        if (!result.ok) return { ok: false, error: result.error };
        const current = awaitingEmail(session);
        if (current) session.holdChoice({ ...current, sentTo: result.value.sentTo });
        return ok({ sentTo: result.value.sentTo, resendsLeft: result.value.resendsLeft });
      });
    },
  };
}

function chooseAnswer(held: HeldChoice): KioskOutput<'activation.choose'> {
  return {
    state: held.state, login: held.login, reference: held.reference,
    ...(held.email === undefined ? {} : { email: held.email }),
    ...(held.sentTo === undefined ? {} : { sentTo: held.sentTo }),
  };
}

/** The server's refusal of a stale terms version (server/services/chosen-activation-service.ts). */
function termsMovedOn(error: AppError): boolean {
  return error.code === 'INVALID_INPUT' && (error.fields ?? []).some((field) => field.key === 'choice.termsVersion');
}
