import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommand, USAGE } from './cli-args';
import { runCommand } from './cli-commands';

/**
 * `node out/main/server-cli.js <command>` (built from here) or `tsx server/cli/index.ts`.
 * Both sit two folders below the repo root, so the bundled profiles are found the same way.
 * Exit codes: 0 done, 1 refused (bad CSV, failure), 2 usage error.
 */
const defaultProfilesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'profiles');
const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv);
  if (!parsed.ok) {
    io.err(parsed.message);
    io.err(USAGE);
    return 2;
  }
  try {
    return await runCommand(parsed.command, io, defaultProfilesDir);
  } catch (error) {
    io.err(`error: ${(error as Error).message}`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
