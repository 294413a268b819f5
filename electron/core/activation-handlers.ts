import type { KioskHandlers } from '../../shared/contract/kiosk-api';
import { parseWith } from '../../shared/contract/parse';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { SessionCalls } from './session/session-calls';
import { identitySchemaForSession } from './session/session-identity';
import type { SessionManager } from './session/session-manager';
import type { EnrollmentClient } from './sync/enrollment-client';
import type { ServerLink } from './sync/server-link';
import type { SubmissionService } from './sync/submission-service';

export interface ActivationHandlerDeps {
  sessions: SessionManager;
  client: EnrollmentClient;
  link: ServerLink;
  submissions: SubmissionService;
  calls: SessionCalls;
}

type ActivationHandlers = Pick<KioskHandlers, 'activation.lookup' | 'activation.submit' | 'activation.confirmPassword'>;

/**
 * Lookup, submit and confirm for the live session. Each answer that comes back after the
 * session was wiped (idle, "Terminer", a new start) is dropped with `NO_SESSION`, so nothing of
 * one person ever lands in the next person's session.
 */
export function createActivationHandlers(deps: ActivationHandlerDeps): ActivationHandlers {
  const { sessions } = deps;
  const { touchedSession, once } = deps.calls;

  return {
    async 'activation.lookup'({ identity }) {
      const session = touchedSession();
      if (!session) return fail('NO_SESSION');
      const parsed = parseWith(identitySchemaForSession(session), identity);
      if (!parsed.ok) return fail('INVALID_INPUT', { fields: parsed.problems });
      session.resetIdentity(null);
      const answer = await deps.client.lookup({ profileId: session.profile.id, identity: parsed.data });
      if (!sessions.isLive(session)) return fail('NO_SESSION');
      if (!answer.ok) return { ok: false, error: answer.error };
      // Kept in memory only, for the submit that follows in this same session.
      session.resetIdentity(parsed.data);
      return ok({ eligible: true });
    },

    async 'activation.submit'() {
      const session = touchedSession();
      if (!session) return fail('NO_SESSION');
      // Chosen-password profiles go through `activation.choose`.
      if (session.profile.password.mode !== 'generated') return fail('INVALID_INPUT');
      const held = session.activation;
      if (held?.password) return ok({ login: held.login, email: held.email, password: held.password });
      const identity = session.eligibleIdentity;
      if (!identity || held) return fail('NO_SESSION');
      return once(session, 'submit', async () => {
        const key = await deps.link.sealingKey();
        if (!sessions.isLive(session)) return fail('NO_SESSION');
        if (!key) return fail('OFFLINE');
        const result = await deps.submissions.submitActivation(session.profile.id, identity, key);
        if (!sessions.isLive(session)) return fail('NO_SESSION');
        if (!result.ok) return result;
        const { activation, reference } = result.value;
        session.holdActivation({ ...activation, reference });
        return ok({ login: activation.login, email: activation.email, password: activation.password });
      });
    },

    async 'activation.confirmPassword'({ typed }) {
      const session = touchedSession();
      if (!session) return fail('NO_SESSION');
      const queued = session.confirmation;
      if (queued) {
        const now = deps.submissions.confirmationState(queued.outboxId, queued.reference);
        if (now.ok) session.holdConfirmation(now.value);
        return strip(now);
      }
      const activation = session.activation;
      if (!activation?.password) return fail('NO_SESSION');
      // The renderer shows which positions differ; the back end only says that they do.
      if (typed !== activation.password) return fail('PASSWORD_MISMATCH');
      return once(session, 'confirm', async () => {
        const key = await deps.link.sealingKey();
        if (!key) return fail('OFFLINE');
        const result = await deps.submissions.confirmPassword(activation, typed, key);
        if (result.ok && sessions.isLive(session)) session.holdConfirmation(result.value);
        return strip(result);
      });
    },
  };
}

function strip(result: Result<{ state: 'active' | 'pending'; reference: string }>): Result<{ state: 'active' | 'pending'; reference: string }> {
  return result.ok ? ok({ state: result.value.state, reference: result.value.reference }) : result;
}
