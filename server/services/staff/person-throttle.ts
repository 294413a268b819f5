import type { Profile } from '../../../shared/schemas/profile-schema';
import { decryptRecordValue, recordBinding } from '../../crypto/record-cipher';
import { emailHash } from '../../crypto/record-hash';
import type { EnrollmentRow } from '../../store/ports/enrollment-store';
import type { StoreOps } from '../../store/store';
import { recordFields } from '../identity-hashing';
import type { ServiceContext } from '../service-context';
import { clearIdentityFailures, passwordRecoveryThrottleKey } from '../throttle-service';

/**
 * Every per-person counter that can block this person at the kiosk (issue 6: "lever un blocage"
 * must unblock them wherever they are blocked): the record's own (lookups, activations, the
 * typed-back password and emailed code, and "mot de passe oublié" when it asks for the lookup
 * field), the one "mot de passe oublié" keeps otherwise, and the keyed hash of each of the
 * person's addresses, which "identifiant oublié" counts by (parents seed). Terminal counters are
 * everyone's at that terminal, not this person's: a lift leaves them.
 */
export async function personThrottleKeys(ctx: ServiceContext, profile: Profile, enrollment: EnrollmentRow): Promise<string[]> {
  const keys = new Set([enrollment.lookupKey]);
  const asked = profile.recovery?.password?.fields;
  if (asked) {
    const fieldHashes = Object.fromEntries(recordFields(profile).filter((field) => asked.includes(field.key)).map((field) => [field.key, enrollment.fieldHashes[field.key] ?? '']));
    keys.add(passwordRecoveryThrottleKey(ctx.keys.recordKey, profile.id, { lookupKey: asked.includes(profile.identity.lookupKey) ? enrollment.lookupKey : '', fieldHashes }));
  }
  const contact = await ctx.store.enrollments.findEnrollmentContact(profile.id, enrollment.lookupKey);
  const sealed = { email_on_file: enrollment.emailOnFileEnc, contact_email: contact?.contactEmailEnc };
  for (const [column, value] of Object.entries(sealed)) {
    const address = value ? decryptRecordValue(ctx.keys.recordKey, recordBinding(profile.id, enrollment.lookupKey, column), value) : null;
    if (address) keys.add(emailHash(ctx.keys.recordKey, profile.id, address));
  }
  return [...keys];
}

/** The latest instant any of them blocks the person until, when that is still ahead. */
export async function personThrottledUntil(ctx: ServiceContext, keys: readonly string[], now: Date): Promise<string | undefined> {
  let latest: string | undefined;
  for (const key of keys) {
    const blockedUntil = (await ctx.store.throttle.findThrottle('identity', key))?.blockedUntil;
    if (blockedUntil && Date.parse(blockedUntil) > now.getTime() && (!latest || Date.parse(blockedUntil) > Date.parse(latest))) latest = blockedUntil;
  }
  return latest;
}

export async function liftPersonThrottles(tx: StoreOps, keys: readonly string[]): Promise<void> {
  for (const key of keys) await clearIdentityFailures(tx, key);
}
