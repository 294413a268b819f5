import { HelpRequestSecretSchema } from '../../../shared/contract/enrollment-api';
import type { KioskInput } from '../../../shared/contract/kiosk-api';
import { parseWith } from '../../../shared/contract/parse';
import { fail, ok, type FieldProblem, type Result } from '../../../shared/contract/result';
import type { HelpForm } from '../../../shared/schemas/help-schema';
import type { HelpRequestSecret } from '../sync/submission-service';
import { filled } from './form-values';

type HelpInput = KioskInput<'help.submit'>;

/** The order the form shows its fields in, so problems come back in reading order. */
const FIELD_ORDER = ['topic', 'name', 'email', 'phone', 'message'];
/** A name is one line: a line break in it could become a header in the school's email. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * The ENT 77 parents' form ("remplir le formulaire … afin d'obtenir de l'aide"): one of the
 * profile's topics, a name, an email to answer to, an optional phone and the message. Each
 * problem names its field, never its value.
 */
export function checkHelpRequest(form: HelpForm, input: HelpInput): Result<HelpRequestSecret> {
  const topic = input.topic.trim();
  const parsed = parseWith(HelpRequestSecretSchema, {
    topic,
    name: input.name,
    email: filled(input.email),
    phone: filled(input.phone),
    message: input.message,
    locale: input.locale,
  });
  const problems: FieldProblem[] = parsed.ok ? [] : parsed.problems.filter((problem) => problem.key !== 'topic');
  if (topic === '') problems.push({ key: 'topic', reason: 'required' });
  else if (!form.topics.some((offered) => offered.id === topic)) problems.push({ key: 'topic', reason: 'unknown' });
  if (CONTROL_CHARACTER.test(input.name) && !problems.some((problem) => problem.key === 'name')) problems.push({ key: 'name', reason: 'format' });
  if (problems.length > 0 || !parsed.ok) return fail('INVALID_INPUT', { fields: problems.sort(byFieldOrder) });
  return ok(parsed.data);
}

function byFieldOrder(left: FieldProblem, right: FieldProblem): number {
  return FIELD_ORDER.indexOf(left.key) - FIELD_ORDER.indexOf(right.key);
}
