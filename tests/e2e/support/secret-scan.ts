import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_IDENTITIES } from '../../../server/demo/demo-identities';
import { PROFILE_DEMO_PEOPLE } from '../../../server/demo/profile-demo-people';
import { CODE_ALPHABET } from '../../../shared/policies/secret-codes';
import type { ReceivedMail } from '../../support/smtp-sink';

/**
 * Issue 4 (LOCKDOWN.md #18): after each e2e test, the kiosk's own files (kiosk.sqlite and its
 * WAL and SHM, terminal.json) and its log output must hold no test secret in clear: no student
 * number, birth date, activation code or letter password of the demo people, no code the server
 * mailed during the test, and none of the passwords the specs type. Sealed outbox bodies are
 * base64url, so a needle only counts where it is not inside such a run of characters.
 */
export interface Needle {
  label: string;
  value: string;
}

const SECRET_FIELD = /code|password|birth|number|ine$/i;
const SPEC_PASSWORD = /const \w*PASSWORD\w* = '([^']{8,})'/g;

function birthDateForms(label: string, iso: string): Needle[] {
  const [year, month, day] = iso.split('-');
  return [{ label, value: iso }, { label: `${label} (dd/mm/yyyy)`, value: `${day}/${month}/${year}` }];
}

/** The passwords the specs type, read from their own source (the constants named *PASSWORD*). */
function specPasswords(): Needle[] {
  const dir = 'tests/e2e';
  return readdirSync(dir).filter((name) => name.endsWith('.ts')).flatMap((name) =>
    [...readFileSync(join(dir, name), 'utf8').matchAll(SPEC_PASSWORD)].map((match) => ({ label: `password typed in ${name}`, value: match[1] ?? '' })));
}

function mailedCodes(mails: readonly ReceivedMail[]): Needle[] {
  const code = new RegExp(`\\b[${CODE_ALPHABET}]{3}-[${CODE_ALPHABET}]{3}\\b`, 'g');
  return mails.flatMap((mail) => [...mail.text.matchAll(code)].map((match) => ({ label: `code mailed to ${mail.to.join(',')}`, value: match[0] })));
}

export function testSecrets(mails: readonly ReceivedMail[]): Needle[] {
  const cergy = DEMO_IDENTITIES.flatMap(({ expected, identity }) => [
    { label: `studentNumber of ${expected}`, value: identity.studentNumber },
    ...birthDateForms(`birthDate of ${expected}`, identity.birthDate),
  ]);
  const letters = PROFILE_DEMO_PEOPLE.flatMap((person) => Object.entries(person.identity)
    .filter(([field]) => SECRET_FIELD.test(field))
    .flatMap(([field, value]) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? birthDateForms(`${field} of ${person.profileId} ${person.expected}`, value) : [{ label: `${field} of ${person.profileId} ${person.expected}`, value }])));
  return [...cergy, ...letters, ...specPasswords(), ...mailedCodes(mails)].filter((needle) => needle.value.length >= 6);
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function found(text: string, needle: Needle): boolean {
  return new RegExp(`(?<![A-Za-z0-9_-])${escape(needle.value)}(?![A-Za-z0-9_-])`, 'i').test(text);
}

/** Where each needle was found ("kiosk.sqlite-wal: studentNumber of eligible"), never the value. */
export function secretsLeft(kioskDir: string, logOutput: string, needles: readonly Needle[]): string[] {
  const places: { name: string; text: string }[] = [{ name: 'kiosk log output', text: logOutput }];
  if (existsSync(kioskDir)) {
    for (const name of readdirSync(kioskDir)) {
      const file = join(kioskDir, name);
      if (statSync(file).isFile()) places.push({ name, text: readFileSync(file).toString('latin1') });
    }
  }
  return places.flatMap((place) => needles.filter((needle) => found(place.text, needle)).map((needle) => `${place.name}: ${needle.label}`));
}
