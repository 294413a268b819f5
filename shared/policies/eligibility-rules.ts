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
  /** When payment was recorded (umontpellier: activation opens 15 minutes after it). */
  paidAt: z.iso.datetime().nullable().optional(),
  /** Set by the server's inactivity sweep (scolarité services: 3 months without activation). */
  deactivatedAt: z.iso.datetime().nullable().optional(),
});
export type EnrollmentFacts = z.infer<typeof EnrollmentFactsSchema>;

export type Eligibility =
  | { status: 'eligible' }
  | { status: 'ALREADY_ACTIVE' }
  | { status: 'PAYMENT_PENDING' }
  | { status: 'ACCOUNT_DEACTIVATED' }
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
  // Scolarité services: "contactez votre établissement afin de faire vérifier votre compte".
  if (facts.deactivatedAt) return { status: 'ACCOUNT_DEACTIVATED' };
  if (facts.payment === 'pending') return { status: 'PAYMENT_PENDING' };
  const openings: Date[] = [];
  const { opening, afterPayment } = profile.eligibility;
  if (opening) openings.push(opensAt(opening[facts.channel], new Date(facts.enrolledAt), profile.timeZone));
  // A record without a payment time was paid before it was imported: counted from enrollment.
  if (afterPayment) openings.push(opensAt(afterPayment, new Date(facts.paidAt ?? facts.enrolledAt), profile.timeZone));
  const latest = openings.reduce<Date | null>((last, date) => (last && last > date ? last : date), null);
  if (latest && now.getTime() < latest.getTime()) return { status: 'NOT_YET_OPEN', opensAt: latest.toISOString() };
  return { status: 'eligible' };
}
