import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../../server/demo/demo-identities';
import { PROFILE_DEMO_PEOPLE } from '../../../server/demo/profile-demo-people';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LETTER_PROFILES = [...new Set(PROFILE_DEMO_PEOPLE.map((person) => person.profileId))];

function cells(line: string): string[] {
  return line.split('|').slice(1, -1).map((cell) => cell.trim());
}

describe.each(['resources/demo/README.md', 'README.md'])('%s', (file) => {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');

  it('documents every cergy demo person with the answer the dataset gives them', () => {
    const rows = lines.filter((line) => /^\| \d{8} \|/.test(line));
    expect(rows).toHaveLength(DEMO_IDENTITIES.length);
    for (const person of DEMO_IDENTITIES) {
      const { studentNumber, lastName, firstName, birthDate } = person.identity;
      const row = rows.find((line) => line.startsWith(`| ${studentNumber} |`));
      expect(row?.split('|').slice(1, 6).map((cell) => cell.trim())).toEqual([studentNumber, lastName, firstName, birthDate, person.expected]);
    }
  });

  it('documents every other profile\'s demo person: what to type, in order, and the expected answer', () => {
    const rows = lines.filter((line) => LETTER_PROFILES.some((id) => line.startsWith(`| ${id} |`))).map(cells);
    expect(rows.map((row) => row.slice(0, 3))).toEqual(
      PROFILE_DEMO_PEOPLE.map((person) => [person.profileId, Object.values(person.identity).map((value) => `\`${value}\``).join(' · '), person.expected]),
    );
  });
});
