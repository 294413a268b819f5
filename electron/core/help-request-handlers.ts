import type { KioskHandlers } from '../../shared/contract/kiosk-api';
import { fail, ok } from '../../shared/contract/result';
import { checkHelpRequest } from './forms/help-form-checks';
import type { SessionCalls } from './session/session-calls';
import type { SessionManager } from './session/session-manager';
import type { ServerLink } from './sync/server-link';
import type { SubmissionService } from './sync/submission-service';

export interface HelpRequestHandlerDeps {
  sessions: SessionManager;
  calls: SessionCalls;
  link: ServerLink;
  submissions: SubmissionService;
}

type HelpRequestHandlers = Pick<KioskHandlers, 'help.submit'>;

/**
 * The ENT 77 parents' help form ("pour les parents qui rencontreraient des difficultés à se
 * connecter … afin d'obtenir de l'aide"): sealed, sent through the outbox, and kept there when
 * the server cannot be reached, since the school can answer later. The answer is the server's
 * reference when it got the request at once, else the kiosk's receipt reference (see
 * `submitHelpRequest`); the message is never logged.
 */
export function createHelpRequestHandlers(deps: HelpRequestHandlerDeps): HelpRequestHandlers {
  const { sessions } = deps;
  const { touchedSession, once } = deps.calls;

  return {
    async 'help.submit'(input) {
      const session = touchedSession();
      if (!session) return fail('NO_SESSION');
      const form = session.profile.helpForm;
      if (!form) return fail('INVALID_INPUT');
      const checked = checkHelpRequest(form, input);
      if (!checked.ok) return checked;
      // The same form sent again in this session (a late second tap): the same receipt, nothing sent.
      const sent = JSON.stringify(checked.value);
      const earlier = session.helpRequest;
      if (earlier?.form === sent) return ok({ reference: earlier.reference });
      return once(session, 'helpSubmit', async () => {
        const key = await deps.link.sealingKey();
        if (!sessions.isLive(session)) return fail('NO_SESSION');
        // Without the server's key nothing can be sealed, so nothing can be queued either.
        if (!key) return fail('OFFLINE');
        const result = await deps.submissions.submitHelpRequest(session.profile.id, checked.value, key);
        if (!sessions.isLive(session)) return fail('NO_SESSION');
        if (!result.ok) return result;
        session.holdHelpRequest({ form: sent, reference: result.value.reference });
        return ok({ reference: result.value.reference });
      });
    },
  };
}
