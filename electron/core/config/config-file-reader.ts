import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { parseWith } from '../../../shared/contract/parse';

/**
 * A configuration file that cannot be used at start-up. The message names the file and each
 * failing field with its reason, never a value: the terminal file holds the server token.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly file: string, readonly fields: string[], detail: string) {
    super(`${file}: ${detail}`);
  }
}

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(file, [], `cannot be read (${code})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    // JSON.parse's message may quote the text around the error, secrets included.
    throw new ConfigError(file, [], 'is not valid JSON');
  }
}

export function parseConfigFile<S extends z.ZodType>(file: string, schema: S, what: string): z.infer<S> {
  const parsed = parseWith(schema, readJsonFile(file));
  if (parsed.ok) return parsed.data;
  const fields = parsed.problems.map((problem) => problem.key);
  const list = parsed.problems.map((problem) => `${problem.key} (${problem.reason})`).join(', ');
  throw new ConfigError(file, fields, `invalid ${what}: ${list}`);
}
