import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEligibility, type EnrollmentFacts } from '../../../shared/policies/eligibility-rules';
import { startOfNextLocalDay } from '../../../shared/policies/time-zone';
import { ProfileSchema } from '../../../shared/schemas/profile-schema';

const load = (id: string) => ProfileSchema.parse(JSON.parse(readFileSync(`resources/profiles/${id}.json`, 'utf8')));
const cergy = load('cergy-etudiant');
const paidOnline: EnrollmentFacts = { enrolledAt: '2026-09-10T14:00:00.000Z', channel: 'online', payment: 'paid', activatedAt: null };

describe('eligibility (cergy seed, "Quand ?" and Cas n°2)', () => {
  it('opens an online enrollment at the next local midnight, not 24 h later', () => {
    // 16:00 in Paris on 10 September: open from 00:00 on the 11th (22:00 UTC on the 10th).
    expect(decideEligibility(cergy, paidOnline, new Date('2026-09-10T21:59:59Z'))).toEqual({ status: 'NOT_YET_OPEN', opensAt: '2026-09-10T22:00:00.000Z' });
    expect(decideEligibility(cergy, paidOnline, new Date('2026-09-10T22:00:00Z'))).toEqual({ status: 'eligible' });
  });

  it('opens a remote enrollment 24 h after it was recorded', () => {
    const remote = { ...paidOnline, channel: 'remote' as const };
    expect(decideEligibility(cergy, remote, new Date('2026-09-11T13:59:00Z'))).toEqual({ status: 'NOT_YET_OPEN', opensAt: '2026-09-11T14:00:00.000Z' });
    expect(decideEligibility(cergy, remote, new Date('2026-09-11T14:00:00Z'))).toEqual({ status: 'eligible' });
  });

  it('lets a grant holder through like a paid enrollment', () => {
    expect(decideEligibility(cergy, { ...paidOnline, payment: 'grant' }, new Date('2026-09-12T00:00:00Z'))).toEqual({ status: 'eligible' });
  });

  it('blocks an unpaid enrollment whatever the date', () => {
    expect(decideEligibility(cergy, { ...paidOnline, payment: 'pending' }, new Date('2027-09-12T00:00:00Z'))).toEqual({ status: 'PAYMENT_PENDING' });
  });

  it('reports an account already active before anything else', () => {
    const active = { ...paidOnline, payment: 'pending' as const, activatedAt: '2026-09-12T08:00:00.000Z' };
    expect(decideEligibility(cergy, active, new Date('2026-09-10T15:00:00Z'))).toEqual({ status: 'ALREADY_ACTIVE' });
  });
});

describe('next local day across daylight-saving changes', () => {
  it.each([
    ['2026-03-28T21:30:00Z', '2026-03-28T23:00:00.000Z'], // CET midnight before the spring change
    ['2026-03-29T10:00:00Z', '2026-03-29T22:00:00.000Z'], // the change day itself: next midnight is CEST
    ['2026-10-24T21:30:00Z', '2026-10-24T22:00:00.000Z'], // 23:30 CEST: midnight is 30 min away
    ['2026-10-25T12:00:00Z', '2026-10-25T23:00:00.000Z'], // back to CET
  ])('after %s the next Paris day starts at %s', (instant, expected) => {
    expect(startOfNextLocalDay(new Date(instant), 'Europe/Paris').toISOString()).toBe(expected);
  });
});

const instantArb = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-01-01T00:00:00Z') });
const MINUTE = 60_000;

describe('after payment (umontpellier seed: "possible 15 minutes après le paiement")', () => {
  const um = load('um-etudiant');
  it('opens exactly 15 minutes after paidAt, whatever the enrollment time', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 30 * 24 * 60 }), fc.integer({ min: -20, max: 20 }), (paid, enrolledBefore, offsetMinutes) => {
        const paidAt = new Date(paid).toISOString();
        const facts: EnrollmentFacts = { ...paidOnline, enrolledAt: new Date(paid - enrolledBefore * MINUTE).toISOString(), paidAt };
        const now = new Date(paid + (15 + offsetMinutes) * MINUTE);
        const expected = offsetMinutes < 0 ? { status: 'NOT_YET_OPEN', opensAt: new Date(paid + 15 * MINUTE).toISOString() } : { status: 'eligible' };
        expect(decideEligibility(um, facts, now)).toEqual(expected);
      }),
    );
  });

  it('counts from enrollment when the record has no payment time', () => {
    const facts = { ...paidOnline, paidAt: null };
    expect(decideEligibility(um, facts, new Date('2026-09-10T14:14:59Z'))).toEqual({ status: 'NOT_YET_OPEN', opensAt: '2026-09-10T14:15:00.000Z' });
    expect(decideEligibility(um, facts, new Date('2026-09-10T14:15:00Z'))).toEqual({ status: 'eligible' });
  });

  it('still says PAYMENT_PENDING before any payment', () => {
    expect(decideEligibility(um, { ...paidOnline, payment: 'pending' }, new Date('2027-01-01T00:00:00Z'))).toEqual({ status: 'PAYMENT_PENDING' });
  });
});

describe('deactivated accounts (parents seed: deactivated after 3 months without activation)', () => {
  const parents = load('parents-scolarite');
  it('answers ACCOUNT_DEACTIVATED whatever the payment or time, unless the account is active', () => {
    fc.assert(
      fc.property(instantArb, instantArb, fc.constantFrom('paid', 'grant', 'pending') as fc.Arbitrary<EnrollmentFacts['payment']>, (deactivated, now, payment) => {
        const facts: EnrollmentFacts = { ...paidOnline, payment, deactivatedAt: new Date(deactivated).toISOString() };
        expect(decideEligibility(parents, facts, new Date(now))).toEqual({ status: 'ACCOUNT_DEACTIVATED' });
        expect(decideEligibility(parents, { ...facts, activatedAt: facts.enrolledAt }, new Date(now))).toEqual({ status: 'ALREADY_ACTIVE' });
      }),
    );
  });
});

describe('profiles without opening rules (ENT 77, IDF, Scolarité Services)', () => {
  it.each(['ent77-college', 'idf-lycee', 'parents-scolarite'])('%s is eligible at any instant once paid or granted', (id) => {
    const profile = load(id);
    expect(profile.eligibility.opening).toBeUndefined();
    expect(profile.eligibility.afterPayment).toBeUndefined();
    fc.assert(
      fc.property(instantArb, instantArb, fc.constantFrom('paid', 'grant') as fc.Arbitrary<EnrollmentFacts['payment']>, (enrolled, now, payment) => {
        const facts: EnrollmentFacts = { ...paidOnline, payment, enrolledAt: new Date(enrolled).toISOString(), deactivatedAt: null };
        expect(decideEligibility(profile, facts, new Date(now))).toEqual({ status: 'eligible' });
      }),
    );
  });
});
