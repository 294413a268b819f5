import { startOfNextLocalDay } from '../../shared/policies/time-zone';
import type { Profile } from '../../shared/schemas/profile-schema';
import { importEnrollmentsCsv } from '../import/enrollment-csv-import';
import type { ImportOutcome } from '../import/enrollment-csv-import';
import { columnOf, columnsFor } from '../import/enrollment-row-schema';
import type { Db } from '../store/connection';
import { DEMO_IDENTITIES } from './demo-identities';
import type { DemoRecord } from './demo-identities';

const MINUTE = 60_000;

function enrolledAt(record: DemoRecord, now: Date, timeZone: string): Date {
  if (record.enrolledAgo !== 'today') return new Date(now.getTime() - record.enrolledAgo * MINUTE);
  // "A few minutes ago" must stay on today's date, or the next-day rule would already be open.
  const fewMinutesAgo = new Date(now.getTime() - 5 * MINUTE);
  return startOfNextLocalDay(fewMinutesAgo, timeZone).getTime() <= now.getTime() ? now : fewMinutesAgo;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The demo people as the registrar's CSV export, dated relative to `now`. */
export function demoCsv(profile: Profile, now: Date): string {
  const columns = columnsFor(profile);
  const lines = [columns.join(',')];
  for (const person of DEMO_IDENTITIES) {
    if (!person.record || person.profileId !== profile.id) continue;
    const { record } = person;
    const activatedAt = record.activatedAgo === null ? '' : new Date(now.getTime() - record.activatedAgo * MINUTE).toISOString();
    const values: Record<string, string> = {
      ...Object.fromEntries(Object.entries(person.identity).map(([key, value]) => [columnOf(key), value])),
      enrolled_at: enrolledAt(record, now, profile.timeZone).toISOString(),
      channel: record.channel,
      payment: record.payment,
      activated_at: activatedAt,
    };
    lines.push(columns.map((column) => quote(values[column] ?? '')).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Loads the demo people through the real CSV importer, as an operator's import would. */
export function seedDemo(db: Db, profile: Profile, recordKey: Buffer, now: Date): ImportOutcome {
  return importEnrollmentsCsv(db, profile, recordKey, demoCsv(profile, now), now);
}
