import { z } from 'zod';
import type { OpeningRule, Profile } from '../schemas/profile-schema';
import { startOfNextLocalDay } from './time-zone';

/**
 * The enrollment facts the server holds for one person (the "IA" of the cergy seed), and the
 * decision it draws from them. Identity matching happens before this: a record reaches these
 * rules only once every identity field matched.
 */
export const ENROLLMENT_CHANNELS = ['online', 'remote'] as const;
export const PAYMENT_STATES = ['paid', 'grant', 'pending'] as const;

export const EnrollmentFactsSchema = z.object({
  enrolledAt: z.iso.datetime(),
  channel: z.enum(ENROLLMENT_CHANNELS),
  payment: z.enum(PAYMENT_STATES),
  activatedAt: z.iso.datetime().nullable(),
});
export type EnrollmentFacts = z.infer<typeof EnrollmentFactsSchema>;

export type Eligibility =
  | { status: 'eligible' }
  | { status: 'ALREADY_ACTIVE' }
  | { status: 'PAYMENT_PENDING' }
  | { status: 'NOT_YET_OPEN'; opensAt: string };

export function opensAt(rule: OpeningRule, enrolledAt: Date, timeZone: string): Date {
  switch (rule.rule) {
    case 'nextDay':
      return startOfNextLocalDay(enrolledAt, timeZone);
    case 'afterHours':
      return new Date(enrolledAt.getTime() + rule.hours * 3_600_000);
    case 'afterMinutes':
      return new Date(enrolledAt.getTime() + rule.minutes * 60_000);
  }
}

/**
 * Order follows the seed's troubleshooting: an active account needs no activation; an unpaid
 * enrollment ("Inscription en attente de paiement", Cas n°2) blocks it whatever the date; then
 * the delay by channel ("dès le lendemain" online, "24h après" remote).
 */
export function decideEligibility(profile: Profile, facts: EnrollmentFacts, now: Date): Eligibility {
  if (facts.activatedAt !== null) return { status: 'ALREADY_ACTIVE' };
  if (facts.payment === 'pending') return { status: 'PAYMENT_PENDING' };
  const opening = opensAt(profile.eligibility.opening[facts.channel], new Date(facts.enrolledAt), profile.timeZone);
  if (now.getTime() < opening.getTime()) return { status: 'NOT_YET_OPEN', opensAt: opening.toISOString() };
  return { status: 'eligible' };
}
