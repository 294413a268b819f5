import { readFileSync, writeFileSync } from 'node:fs';
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
