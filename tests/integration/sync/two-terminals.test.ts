import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../../electron/core/create-kiosk-core';
import { startServer, type RunningServer } from '../../../server/listen';
import { cergyProfile } from '../../unit/core/support/cergy-profile';
import { makeTempFolder } from '../../unit/core/support/temp-folder';
import { terminalConfigFor } from '../../unit/core/support/terminal-config';
import { outboxRows, until } from '../core/core-harness';
import { PROFILES_DIR } from '../server/helpers/server-harness';
import { COHORT_PROFILE, countsOnServer, seedCohortServer, type CohortPerson } from './sync-cohort';

/**
 * Issue 5, two terminals: the same people, imported from a generated CSV, activated on two real
 * kiosk cores (two terminals, two tokens) at the same moment against the real server. Exactly
 * one activation per person ends up active, and every kiosk call got a final answer that says
 * the truth: the winner `active`, the loser ALREADY_ACTIVE (or CODE_EXPIRED when the other
 * terminal's later code replaced its own), never INTERNAL nor a hang.
 */
const COUNT = Number(process.env['SYNC_TWO_TERMINALS_PEOPLE'] ?? 60);
// Long budgets: both terminals' scrypt work shares two cores, and this test is about answers, not speed.
const TIMING = { requestTimeoutMs: 20_000, probeTimeoutMs: 5_000, submitBudgetMs: 20_000, confirmBudgetMs: 20_000, onlineFreshMs: 0 };
const LOSER_CODES = ['ALREADY_ACTIVE', 'CODE_EXPIRED'];

type Step = 'lookup' | 'submit' | 'confirm';
type Outcome = { step: Step; answer: 'active' | 'pending' | string };

let server: RunningServer;
let serverDir: string;
let people: CohortPerson[];
const terminals: { core: KioskCore; folder: { path: string; remove(): void } }[] = [];

beforeAll(async () => {
  const seeded = await seedCohortServer(COUNT, ['borne-a', 'borne-b']);
  serverDir = seeded.dataDir;
  people = seeded.people;
  server = await startServer({ dataDir: serverDir, profilesDir: PROFILES_DIR });
  const profiles = [cergyProfile()];
  for (const [index, token] of seeded.tokens.entries()) {
    const folder = makeTempFolder('sesame-two-terminals-');
    const config = { ...terminalConfigFor({ url: server.url, token }), terminalId: index === 0 ? 'borne-a' : 'borne-b' };
    terminals.push({ core: await createKioskCore({ dataDir: folder.path, config, profiles, timing: TIMING }), folder });
  }
});

afterAll(async () => {
  for (const { core, folder } of terminals) {
    await core.close();
    folder.remove();
  }
  await server.close();
  rmSync(serverDir, { recursive: true, force: true });
});

/** One person at one terminal, as far as the server lets them go; the last answer says where it stopped. */
async function activate(core: KioskCore, person: CohortPerson): Promise<Outcome> {
  const { handlers } = core;
  const started = await handlers['session.start']({ profileId: COHORT_PROFILE });
  if (!started.ok) return { step: 'lookup', answer: started.error.code };
  const looked = await handlers['activation.lookup']({ identity: { ...person } });
  if (!looked.ok) return { step: 'lookup', answer: looked.error.code };
  const submitted = await handlers['activation.submit']({});
  if (!submitted.ok) return { step: 'submit', answer: submitted.error.code };
  const confirmed = await handlers['activation.confirmPassword']({ typed: submitted.value.password });
  return { step: 'confirm', answer: confirmed.ok ? confirmed.value.state : confirmed.error.code };
}

describe('two terminals activate the same people at the same moment', () => {
  it(`leaves exactly one active activation per person (${COUNT} people), and each terminal a truthful answer`, async () => {
    const [a, b] = terminals;
    if (!a || !b) throw new Error('two terminals expected');
    const outcomes: [Outcome, Outcome][] = [];
    for (const person of people) outcomes.push(await Promise.all([activate(a.core, person), activate(b.core, person)]));

    // A confirmation queued because the server was slow is a truthful answer too: wait for it to land.
    for (const { folder } of terminals) await until(() => outboxRows(folder.path).every((row) => row.state !== 'pending'));

    const counts = countsOnServer(serverDir, people);
    expect(counts.filter((c) => c.active !== 1 || !c.activated)).toEqual([]);
    const answers = outcomes.flat().map((outcome) => outcome.answer);
    expect(answers.filter((answer) => answer === 'INTERNAL' || answer === 'OFFLINE')).toEqual([]);
    for (const pair of outcomes) {
      // One winner per person; the other terminal was refused with a code that says why.
      const winners = pair.filter((outcome) => outcome.step === 'confirm' && (outcome.answer === 'active' || outcome.answer === 'pending'));
      expect(winners, JSON.stringify(pair)).toHaveLength(1);
      const loser = pair.find((outcome) => !winners.includes(outcome));
      expect(LOSER_CODES, JSON.stringify(pair)).toContain(loser?.answer);
    }
    // Queued confirmations of losers were refused, never delivered twice: the server is the judge above.
    const delivered = terminals.flatMap(({ folder }) => outboxRows(folder.path)).filter((row) => row.kind === 'confirmation' && row.state === 'delivered');
    expect(delivered).toHaveLength(COUNT);
  }, 180_000);
});
