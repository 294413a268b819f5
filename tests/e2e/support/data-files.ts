import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which of `secrets` appear, in clear, in any file of `dir` (the SQLite database and its -wal
 * and -shm files): searched as UTF-8 and UTF-16 bytes, since SQLite may store either.
 */
export function secretsFoundIn(dir: string, secrets: readonly string[]): string[] {
  const files = readdirSync(dir).map((name) => join(dir, name)).filter((file) => statSync(file).isFile());
  const found: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const secret of secrets) {
      const forms = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
      if (forms.some((form) => bytes.includes(form))) found.push(`${secret} in ${file}`);
    }
  }
  return found;
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir);
}
