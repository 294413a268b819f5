import { z } from 'zod';
import { identitySchemaFor } from '../../../shared/policies/identity-rules';
import type { KioskSession } from './kiosk-session';

/**
 * The identity this session asks for: the profile's fields, less those an identity check at
 * the desk waived (issue 6, "Continuer avec la personne"). A waived field sent anyway is
 * refused like any unknown one: the person's form does not show it.
 */
export function identitySchemaForSession(session: KioskSession) {
  const schema = identitySchemaFor(session.profile);
  if (session.waived.length === 0) return schema;
  return z.strictObject(Object.fromEntries(Object.entries(schema.shape).filter(([key]) => !session.waived.includes(key))));
}
