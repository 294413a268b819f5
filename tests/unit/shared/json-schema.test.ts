import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProfileSchema } from '../../../shared/schemas/profile-schema';
import { TerminalConfigSchema } from '../../../shared/schemas/terminal-config-schema';

/**
 * Editors validate profile and terminal files against these JSON Schemas (CONVENTIONS.md §3).
 * They are generated from the zod schemas; this test fails when a committed copy is stale.
 * Regenerate with: SESAME_WRITE_SCHEMAS=1 npx vitest run tests/unit/shared/json-schema.test.ts
 */
const exported = [
  { file: 'resources/schemas/profile.schema.json', schema: ProfileSchema },
  { file: 'resources/schemas/terminal-config.schema.json', schema: TerminalConfigSchema },
];

describe('exported JSON Schemas', () => {
  it.each(exported)('$file matches its zod schema', ({ file, schema }) => {
    const text = `${JSON.stringify(z.toJSONSchema(schema, { io: 'input' }), null, 2)}\n`;
    if (process.env['SESAME_WRITE_SCHEMAS'] === '1') writeFileSync(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('the profile JSON Schema, as an editor reads it', () => {
  // Read back from the committed file, not from zod: this is what an editor validates against.
  const jsonSchema = JSON.parse(readFileSync('resources/schemas/profile.schema.json', 'utf8')) as Record<string, unknown>;
  const fromFile = z.fromJSONSchema(jsonSchema);
  const profiles = readdirSync('resources/profiles').filter((name) => name.endsWith('.json'));

  it.each(profiles)('validates %s', (name) => {
    expect(fromFile.safeParse(JSON.parse(readFileSync(`resources/profiles/${name}`, 'utf8'))).success).toBe(true);
  });

  it('refuses a profile with a wrongly typed rule or a missing persona', () => {
    const profile = JSON.parse(readFileSync('resources/profiles/um-etudiant.json', 'utf8')) as Record<string, unknown>;
    expect(fromFile.safeParse({ ...profile, persona: undefined }).success).toBe(false);
    expect(fromFile.safeParse({ ...profile, password: { mode: 'chosen', policy: { minLength: '8', maxLength: 64, required: [] } } }).success).toBe(false);
  });

  it('leaves the fields with defaults optional (it describes what a person writes)', () => {
    const chosen = JSON.stringify(jsonSchema).includes('"notPersonal":{"default":true');
    expect(chosen).toBe(true);
    const minimal = { mode: 'chosen', policy: { minLength: 8, maxLength: 14, required: ['letter', 'digit'] } };
    const profile = JSON.parse(readFileSync('resources/profiles/parents-scolarite.json', 'utf8')) as Record<string, unknown>;
    expect(fromFile.safeParse({ ...profile, password: minimal }).success).toBe(true);
  });
});
