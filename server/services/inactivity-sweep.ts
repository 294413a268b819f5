import type { Profile } from '../../shared/schemas/profile-schema';
import type { Store } from '../store/store';


const DAY_MS = 24 * 3_600_000;

export interface SweepOutcome {
  deactivated: number;
  deleted: number;
}

/**
 * Parents seed: "Si vous n'activez pas votre compte dans un délai de 3 mois, il sera désactivé
 * [...] supprimé au bout d'un an". For every profile with an `eligibility.inactivity` rule, a
 * record never activated is deactivated `deactivateAfterDays` after its current letter was issued
 * (or after enrollment when no letter was), and deleted with its letters and pending activations
 * `deleteAfterDays` after. Idempotent: run it from cron, a systemd timer, and at server start.
 */
export async function sweepInactive(store: Store, profiles: Iterable<Profile>, now: Date): Promise<SweepOutcome> {
  const outcome: SweepOutcome = { deactivated: 0, deleted: 0 };
  await store.transaction(async (tx) => {
    for (const profile of profiles) {
      const rule = profile.eligibility.inactivity;
      if (!rule) continue;
      for (const record of await tx.enrollments.listDormantEnrollments(profile.id)) {
        const idleMs = now.getTime() - Date.parse(record.since);
        if (idleMs >= rule.deleteAfterDays * DAY_MS) {
          await tx.activations.deleteActivationsOf(profile.id, record.lookupKey);
          await tx.enrollments.deleteEnrollment(profile.id, record.lookupKey);
          outcome.deleted += 1;
        } else if (idleMs >= rule.deactivateAfterDays * DAY_MS && record.deactivatedAt === null) {
          // The deactivation instant is when the rule says it happened, not when the sweep ran.
          await tx.enrollments.deactivateEnrollment(profile.id, record.lookupKey, new Date(Date.parse(record.since) + rule.deactivateAfterDays * DAY_MS).toISOString());
          outcome.deactivated += 1;
        }
      }
    }
  });
  return outcome;
}
