import { RecoveryResetSecretSchema } from '../../shared/contract/enrollment-api';
import type { KioskHandlers } from '../../shared/contract/kiosk-api';
import { parseWith } from '../../shared/contract/parse';
import { fail, ok, type FieldProblem } from '../../shared/contract/result';
import type { DictionaryCheck } from '../../shared/policies/password-policy';
import { normalizeCode } from '../../shared/policies/secret-codes';
import { checkRecoveryRequest } from './forms/recovery-checks';
import { checkNewPassword } from './password/choice-checks';
import { passwordContextFor } from './password/password-context';
import type { SessionCalls } from './session/session-calls';
import type { SessionManager } from './session/session-manager';
import type { RecoveryCalls } from './sync/recovery-calls';
import type { ServerLink } from './sync/server-link';

export interface RecoveryHandlerDeps {
  sessions: SessionManager;
  calls: SessionCalls;
  link: ServerLink;
  recoveryCalls: RecoveryCalls;
  dictionary: DictionaryCheck;
}

type RecoveryHandlers = Pick<KioskHandlers, 'recovery.request' | 'recovery.reset'>;

/**
 * "Identifiant oublié" / "Mot de passe oublié" (parents-scolarite seed) at the kiosk. The server
 * answers the same way whether or not the person exists (issue 3), so the kiosk only passes on
 * the masked destination; the fields typed stay in this session's memory, for the reset's
 * password rules, and are never logged. A double tap sends one request.
 */
export function createRecoveryHandlers(deps: RecoveryHandlerDeps): RecoveryHandlers {
  const { sessions } = deps;
  const { touchedSession, once } = deps.calls;

  return {
    async 'recovery.request'(input) {
      const session = touchedSession();
      if (!session) return fail('NO_SESSION');
      const checked = checkRecoveryRequest(session.profile, input);
      if (!checked.ok) return checked;
      const secret = checked.value;
      return once(session, 'recoveryRequest', async () => {
        const key = await deps.link.sealingKey();
        if (!sessions.isLive(session)) return fail('NO_SESSION');
        // Not queued: an email sent after the person left helps nobody at the kiosk.
        if (!key) return fail('OFFLINE');
        const result = await deps.recoveryCalls.request(session.profile.id, secret, key);
        if (!sessions.isLive(session)) return fail('NO_SESSION');
        if (!result.ok) return { ok: false, error: result.error };
        session.holdRecovery({ kind: secret.kind, recoveryId: result.value.recoveryId, fields: secret.fields });
        return ok({ sentTo: result.value.sentTo });
      });
    },

    async 'recovery.reset'(input) {
      const session = touchedSession();
      if (!session) return fail('NO_SESSION');
      const recovery = session.recovery;
      if (recovery?.kind !== 'password') return fail('NO_SESSION');
      // Already reset in this session (a late second tap): the same answer, nothing sent.
      if (recovery.resetLogin !== undefined) return ok({ state: 'reset' as const, login: recovery.resetLogin });
      const { password } = session.profile;
      if (password.mode !== 'chosen') return fail('INVALID_INPUT');
      const code = normalizeCode(input.code);
      const missing: FieldProblem[] = code === '' ? [{ key: 'code', reason: 'required' }] : [];
      const context = passwordContextFor(session.profile, recovery.fields);
      const checked = checkNewPassword(password.policy, input, context, deps.dictionary, missing);
      if (!checked.ok) return checked;
      const secret = parseWith(RecoveryResetSecretSchema, { code, password: input.password });
      if (!secret.ok) return fail('INVALID_INPUT', { fields: secret.problems });
      return once(session, 'recoveryReset', async () => {
        const key = await deps.link.sealingKey();
        if (!sessions.isLive(session)) return fail('NO_SESSION');
        if (!key) return fail('OFFLINE');
        const result = await deps.recoveryCalls.reset(recovery.recoveryId, secret.data, key);
        if (!sessions.isLive(session)) return fail('NO_SESSION');
        if (!result.ok) return { ok: false, error: result.error };
        if (session.recovery === recovery) session.holdRecovery({ ...recovery, resetLogin: result.value.login });
        return ok({ state: 'reset' as const, login: result.value.login });
      });
    },
  };
}
