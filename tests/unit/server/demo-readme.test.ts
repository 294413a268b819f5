import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../../server/demo/demo-identities';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe.each(['resources/demo/README.md', 'README.md'])('%s', (file) => {
  it('documents every demo person with the answer the dataset gives them', () => {
    const rows = readFileSync(join(ROOT, file), 'utf8').split('\n').filter((line) => /^\| \d{8} \|/.test(line));
    expect(rows).toHaveLength(DEMO_IDENTITIES.length);
    for (const person of DEMO_IDENTITIES) {
      const { studentNumber, lastName, firstName, birthDate } = person.identity;
      const row = rows.find((line) => line.startsWith(`| ${studentNumber} |`));
      expect(row?.split('|').slice(1, 6).map((cell) => cell.trim())).toEqual([studentNumber, lastName, firstName, birthDate, person.expected]);
    }
  });
});
