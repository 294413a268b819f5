import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseWith } from '../../shared/contract/parse';
import { StaffRoleSchema, StaffUsernameSchema } from '../../shared/contract/staff-api';
import { PublicUrlSchema, SmtpUrlSchema } from '../mail/mail-config';

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
    /** `--smtp-url` or SESAME_SMTP_URL: the relay; without it, `.eml` files in `<data-dir>/mail/`. */
    smtpUrl: SmtpUrlSchema.optional(),
    /** `--public-url` or SESAME_PUBLIC_URL: the base of the email links; without it, the listen URL. */
    publicUrl: PublicUrlSchema.optional(),
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
  z.object({
    command: z.literal('credentials issue'),
    dataDir,
    profile: z.string().regex(/^[a-z][a-z0-9-]{1,47}$/),
    profilesDir: z.string().min(1).optional(),
    out: z.string().min(1).optional(),
  }),
  z.object({ command: z.literal('sweep'), dataDir, profilesDir: z.string().min(1).optional() }),
  // Staff accounts and the audit trail (issue 6).
  z.object({
    command: z.literal('staff create'),
    dataDir,
    username: StaffUsernameSchema,
    name: z.string().trim().min(1).max(80),
    role: StaffRoleSchema,
    email: z.email().max(254).optional(),
    totp: z.boolean().default(false),
  }),
  z.object({ command: z.literal('staff disable'), dataDir, username: StaffUsernameSchema }),
  z.object({ command: z.literal('staff list'), dataDir }),
  z.object({ command: z.literal('staff enable'), dataDir, username: StaffUsernameSchema }),
  z.object({ command: z.literal('staff reset-password'), dataDir, username: StaffUsernameSchema }),
  z.object({ command: z.literal('staff role'), dataDir, username: StaffUsernameSchema, role: StaffRoleSchema }),
  z.object({
    command: z.literal('audit verify'),
    dataDir,
    /** `--expect-head SEQ:HASH`: a head printed by an earlier verify, which must still be in the chain. */
    expectHead: z
      .string()
      .regex(/^[1-9][0-9]{0,14}:[0-9a-f]{64}$/)
      .transform((text) => ({ seq: Number(text.slice(0, text.indexOf(':'))), hash: text.slice(text.indexOf(':') + 1) }))
      .optional(),
  }),
  z.object({ command: z.literal('audit export'), dataDir, after: z.coerce.number().int().nonnegative().default(0) }),
  // Heartbeats and flags of every terminal (issue 5).
  z.object({ command: z.literal('fleet'), dataDir }),
  // Refusals reported after the person left, for staff to follow up (issue 5).
  z.object({ command: z.literal('followups list'), dataDir, all: z.boolean().default(false) }),
]);
export type Command = z.infer<typeof CommandSchema>;

export const USAGE = `usage:
  server-cli serve --data-dir D [--host 127.0.0.1] [--port 8080] [--profiles-dir P]
                   [--smtp-url smtp://host:port] [--public-url https://host]
  server-cli keys create --data-dir D
  server-cli terminals create --data-dir D --id ID [--name NAME]
  server-cli terminals revoke --data-dir D --id ID
  server-cli import --data-dir D --profile cergy-etudiant [--profiles-dir P] FILE.csv
  server-cli credentials issue --data-dir D --profile ent77-college [--out letters.csv] [--profiles-dir P]
  server-cli sweep --data-dir D [--profiles-dir P]
  server-cli staff create --data-dir D --username U --name "NAME" --role agent|admin [--email E] [--totp]
  server-cli staff disable --data-dir D --username U
  server-cli staff list --data-dir D
  server-cli staff enable --data-dir D --username U
  server-cli staff reset-password --data-dir D --username U
  server-cli staff role --data-dir D --username U --role agent|admin
  server-cli audit verify --data-dir D [--expect-head SEQ:HASH]
  server-cli audit export --data-dir D [--after N] > audit.csv
  server-cli fleet --data-dir D
  server-cli followups list --data-dir D [--all]`;

export type ParsedCommand = { ok: true; command: Command } | { ok: false; message: string };

export function parseCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        'profiles-dir': { type: 'string' },
        'smtp-url': { type: 'string' },
        'public-url': { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        profile: { type: 'string' },
        out: { type: 'string' },
        username: { type: 'string' },
        role: { type: 'string' },
        email: { type: 'string' },
        totp: { type: 'boolean' },
        after: { type: 'string' },
        'expect-head': { type: 'string' },
        all: { type: 'boolean' },
      },
    });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const [first, second, ...rest] = parsed.positionals;
  const twoWords = first === 'keys' || first === 'terminals' || first === 'credentials' || first === 'staff' || first === 'audit' || first === 'followups';
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
    smtpUrl: values['smtp-url'] ?? (env['SESAME_SMTP_URL'] || undefined),
    publicUrl: values['public-url'] ?? (env['SESAME_PUBLIC_URL'] || undefined),
    out: values.out,
    file: twoWords ? rest[0] : second,
    username: values.username,
    role: values.role,
    email: values.email,
    totp: values.totp,
    after: values.after,
    expectHead: values['expect-head'],
    all: values.all,
  };
  const result = parseWith(CommandSchema, candidate);
  if (!result.ok) return { ok: false, message: result.problems.map((p) => `${p.key}: ${p.reason}`).join(', ') };
  return { ok: true, command: result.data };
}
