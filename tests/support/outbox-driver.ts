import Database from 'better-sqlite3';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createKioskCore, type KioskCore } from '../../electron/core/create-kiosk-core';
import { cergyProfile } from '../unit/core/support/cergy-profile';
import { terminalConfigFor } from '../unit/core/support/terminal-config';

/**
 * `node --import tsx tests/support/outbox-driver.ts '<json>'`: a real kiosk core on a data folder
 * pushing the activations of a list of people through the real kiosk handlers, every submission
 * written to the outbox before it is sent. It is meant to be SIGKILLed at any moment and started
 * again on the same folder: `progress` (one line per person finished, appended after the
 * kiosk's answer) lets a restart skip them, and the outbox rows a killed run left pending are
 * the core's to deliver. Prints `ready` once the core is open and `drained` once every person is
 * done and the outbox holds nothing pending, then exits 0.
 */
const ArgsSchema = z.strictObject({
  kioskDir: z.string(),
  serverUrl: z.url(),
  token: z.string(),
  peopleFile: z.string(),
  progressFile: z.string(),
});
const PeopleSchema = z.array(z.strictObject({ lastName: z.string(), firstName: z.string(), birthDate: z.string(), studentNumber: z.string() }));
type Person = z.infer<typeof PeopleSchema>[number];

// Short budgets: a kill or a server outage lands the confirmation in the queue, the loop's job.
const TIMING = {
  requestTimeoutMs: 5_000,
  probeTimeoutMs: 1_000,
  submitBudgetMs: 5_000,
  confirmBudgetMs: 300,
  onlineFreshMs: 0,
  interactiveBackoff: { baseMs: 20, capMs: 80 },
  queueBackoff: { baseMs: 30, capMs: 300 },
};
/** The answers that end a person's turn: their account is active, or will be once the queue drains. */
const SETTLED = new Set(['active', 'pending', 'ALREADY_ACTIVE']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One attempt at one person; the last answer (a state or an error code). */
async function activate(core: KioskCore, person: Person): Promise<string> {
  const { handlers } = core;
  const started = await handlers['session.start']({ profileId: 'cergy-etudiant' });
  if (!started.ok) return started.error.code;
  const looked = await handlers['activation.lookup']({ identity: { ...person } });
  if (!looked.ok) return looked.error.code;
  const submitted = await handlers['activation.submit']({});
  if (!submitted.ok) return submitted.error.code;
  const confirmed = await handlers['activation.confirmPassword']({ typed: submitted.value.password });
  return confirmed.ok ? confirmed.value.state : confirmed.error.code;
}

function pendingRows(kioskDir: string): number {
  const db = new Database(join(kioskDir, 'kiosk.sqlite'), { readonly: true });
  try {
    return db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE state = 'pending'`).get()?.n ?? 0;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const args = ArgsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const people = PeopleSchema.parse(JSON.parse(readFileSync(args.peopleFile, 'utf8')));
  const done = new Set(existsSync(args.progressFile) ? readFileSync(args.progressFile, 'utf8').split('\n').filter(Boolean).map(Number) : []);
  const config = terminalConfigFor({ url: args.serverUrl, token: args.token });
  const core = await createKioskCore({ dataDir: args.kioskDir, config, profiles: [cergyProfile()], timing: TIMING });
  console.log('ready');
  for (const [index, person] of people.entries()) {
    if (done.has(index)) continue;
    // OFFLINE (server down), CODE_EXPIRED (a queued older code lost to a newer one): ask again.
    for (let answer = await activate(core, person); !SETTLED.has(answer); answer = await activate(core, person)) {
      if (answer === 'INTERNAL') throw new Error(`INTERNAL for person ${index}`);
      await sleep(50);
    }
    appendFileSync(args.progressFile, `${index}\n`);
  }
  while (pendingRows(args.kioskDir) > 0) await sleep(50);
  await core.close();
  console.log('drained');
}

// The core's timers are unref'd (they must not hold a kiosk open); alone in this process, its
// backoff sleeps while the server is down would otherwise let Node exit mid-run (code 13).
const keepAlive = setInterval(() => undefined, 1_000);
await main();
clearInterval(keepAlive);
