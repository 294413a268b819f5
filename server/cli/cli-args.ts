import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseWith } from '../../shared/contract/parse';

const dataDir = z.string().min(1).max(4096);
const TerminalIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** Every command line the CLI accepts, validated with zod like any other boundary. */
export const CommandSchema = z.discriminatedUnion('command', [
  z.object({
    command: z.literal('serve'),
    dataDir,
    profilesDir: z.string().min(1).optional(),
    host: z.string().min(1).max(255).default('127.0.0.1'),
    port: z.coerce.number().int().min(0).max(65_535).default(8080),
  }),
  z.object({ command: z.literal('keys create'), dataDir }),
  z.object({ command: z.literal('terminals create'), dataDir, id: TerminalIdSchema, name: z.string().min(1).max(120).optional() }),
  z.object({ command: z.literal('terminals revoke'), dataDir, id: TerminalIdSchema }),
  z.object({
    command: z.literal('import'),
    dataDir,
    profile: z.string().regex(/^[a-z][a-z0-9-]{1,47}$/),
    profilesDir: z.string().min(1).optional(),
    file: z.string().min(1),
  }),
]);
export type Command = z.infer<typeof CommandSchema>;

export const USAGE = `usage:
  server-cli serve --data-dir D [--host 127.0.0.1] [--port 8080] [--profiles-dir P]
  server-cli keys create --data-dir D
  server-cli terminals create --data-dir D --id ID [--name NAME]
  server-cli terminals revoke --data-dir D --id ID
  server-cli import --data-dir D --profile cergy-etudiant [--profiles-dir P] FILE.csv`;

export type ParsedCommand = { ok: true; command: Command } | { ok: false; message: string };

export function parseCommand(argv: string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        'profiles-dir': { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        profile: { type: 'string' },
      },
    });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const [first, second, ...rest] = parsed.positionals;
  const twoWords = first === 'keys' || first === 'terminals';
  const { values } = parsed;
  const candidate = {
    command: twoWords ? `${first} ${second ?? ''}` : first,
    dataDir: values['data-dir'],
    profilesDir: values['profiles-dir'],
    host: values.host,
    port: values.port,
    id: values.id,
    name: values.name,
    profile: values.profile,
    file: twoWords ? rest[0] : second,
  };
  const result = parseWith(CommandSchema, candidate);
  if (!result.ok) return { ok: false, message: result.problems.map((p) => `${p.key}: ${p.reason}`).join(', ') };
  return { ok: true, command: result.data };
}
