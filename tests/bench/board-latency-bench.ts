import Fastify from 'fastify';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Board } from '../../shared/contract/staff-api';
import { loadServerKeys } from '../../server/crypto/server-keys';
import { columnOf, columnsFor } from '../../server/import/enrollment-row-schema';
import { importEnrollmentsCsv } from '../../server/import/enrollment-csv-import';
import { loadProfiles } from '../../server/profiles/profile-registry';
import { createStaffAccount } from '../../server/services/staff-account-service';
import { issueTerminalToken } from '../../server/services/terminal-service';
import { openServerStore } from '../../server/store/sqlite/server-database';
import { startKiosk, type RunningKiosk } from '../support/kiosk-process';
import { connectKiosk, type KioskHttp } from './lib/kiosk-http';
import { summary } from './lib/stats';

/**
 * Issue 6, "board update latency across two kiosks": kiosk A (assisted mode, staff signed in)
 * long-polls a group board while kiosk B activates the group's people one by one. For each,
 * the time from the tap that finishes the activation on B (the confirm call sent) to A's board
 * showing that person done, and from B's answer to A's board. Baseline in the same run: a bare
 * Fastify long poll woken by an EventEmitter, measured the same way from the same client.
 * Two real kiosk stacks over loopback, the embedded reference server behind A.
 */
const PROFILE_ID = 'cergy-etudiant';
const COHORT = 'Bench';

function personName(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return `Banc${letters[Math.floor(index / 26) % 26]}${letters[index % 26]}`;
}

function benchPeople(count: number) {
  return Array.from({ length: count }, (_unused, index) => ({
    lastName: 'Martin',
    firstName: personName(index),
    birthDate: '2005-03-07',
    studentNumber: String(71_000_000 + index),
  }));
}

/** The cohort as the registrar's CSV export: paid, enrolled a week ago, not yet activated. */
function benchCsv(people: ReturnType<typeof benchPeople>, columns: string[], enrolledAt: string): string {
  const facts: Record<string, string> = { enrolled_at: enrolledAt, activated_at: '', channel: 'online', payment: 'paid', cohort: COHORT };
  const lines = [columns.join(',')];
  for (const person of people) {
    const values: Record<string, string> = { ...facts };
    for (const [key, value] of Object.entries(person)) values[columnOf(key)] = value;
    lines.push(columns.map((column) => values[column] ?? '').join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Seeds the cohort, a staff account and terminal B's token straight into A's server database. */
async function seedServer(serverDir: string, count: number) {
  const profile = loadProfiles('resources/profiles').get(PROFILE_ID);
  if (!profile) throw new Error(`no profile ${PROFILE_ID}`);
  const people = benchPeople(count);
  const db = openServerStore(serverDir);
  try {
    const keys = loadServerKeys(serverDir);
    const enrolledAt = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const imported = await importEnrollmentsCsv(db, profile, keys.recordKey, benchCsv(people, [...columnsFor(profile), 'cohort'], enrolledAt));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const staff = await createStaffAccount({ store: db, keys, now: () => new Date() }, { username: 'bench.staff', displayName: 'Banc Personnel', role: 'agent' });
    const tokenB = await issueTerminalToken(db, 'borne-bench-b', 'Bench B', new Date());
    return { people, staffPassword: staff.password, tokenB };
  } finally {
    await db.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Long-polls A's board until member `no` is done; resolves with the instant the answer arrived. */
async function boardShowsDone(a: KioskHttp, groupId: string, after: number, no: number): Promise<number> {
  let version = after;
  for (;;) {
    const board = await a.call<Board>('staff.group.board', { groupId, after: version });
    const arrived = performance.now();
    if (board.members.find((member) => member.no === no)?.state === 'done') return arrived;
    version = board.version;
  }
}

async function kioskSamples(a: KioskHttp, b: KioskHttp, groupId: string, people: ReturnType<typeof benchPeople>, board: Board) {
  const fromTap: number[] = [];
  const fromAnswer: number[] = [];
  for (const person of people) {
    // The board labels people "Prénom N." from the import: first names are unique here.
    const member = board.members.find((candidate) => candidate.label.startsWith(`${person.firstName} `));
    if (!member) throw new Error(`${person.firstName} is not on the board`);
    await b.call('session.start', { profileId: PROFILE_ID });
    await b.call('activation.lookup', { identity: person });
    const { password } = await b.call<{ password: string }>('activation.submit', {});
    // The submit itself moved the board (an activation started): start from what A sees now.
    const current = await a.call<Board>('staff.group.board', { groupId });
    const shown = boardShowsDone(a, groupId, current.version, member.no);
    await sleep(20); // let A's long poll reach the server before the change
    const tapped = performance.now();
    await b.call('activation.confirmPassword', { typed: password });
    const answered = performance.now();
    const arrived = await shown;
    fromTap.push(arrived - tapped);
    fromAnswer.push(arrived - answered);
    await b.call('session.end', { reason: 'finished' });
  }
  return { fromTap, fromAnswer };
}

async function bareSamples(count: number) {
  const changes = new EventEmitter();
  let version = 0;
  const app = Fastify();
  app.get<{ Querystring: { after: string } }>('/wait', async (request) => {
    const after = Number(request.query.after);
    if (version <= after) await new Promise((resolve) => changes.once('change', resolve));
    return { version };
  });
  app.post('/bump', async () => {
    version += 1;
    setImmediate(() => changes.emit('change'));
    return { version };
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const fromTap: number[] = [];
  const fromAnswer: number[] = [];
  try {
    for (let index = 0; index < count; index += 1) {
      const shown = fetch(`${url}/wait?after=${version}`).then(async (response) => {
        await response.json();
        return performance.now();
      });
      await sleep(20);
      const tapped = performance.now();
      await (await fetch(`${url}/bump`, { method: 'POST' })).json();
      const answered = performance.now();
      const arrived = await shown;
      fromTap.push(arrived - tapped);
      fromAnswer.push(arrived - answered);
    }
  } finally {
    await app.close();
  }
  return { fromTap, fromAnswer };
}

export async function boardLatencyBench(count: number) {
  const dirA = mkdtempSync(join(tmpdir(), 'sesame-bench-a-'));
  const dirB = mkdtempSync(join(tmpdir(), 'sesame-bench-b-'));
  const kiosks: RunningKiosk[] = [];
  try {
    const kioskA = await startKiosk({ dataDir: dirA, mode: 'assisted', idleTimeoutS: 3600, idleWarningS: 60 });
    kiosks.push(kioskA);
    const seeded = await seedServer(join(dirA, 'server'), count);
    const configA = JSON.parse(readFileSync(join(dirA, 'kiosk', 'terminal.json'), 'utf8')) as { server: { url: string } };
    const configB = join(dirB, 'terminal-b.json');
    writeFileSync(configB, JSON.stringify({
      terminalId: 'borne-bench-b', mode: 'desk', locale: 'fr', profiles: [PROFILE_ID],
      idle: { timeoutS: 3600, warningS: 60 }, server: { url: configA.server.url, token: seeded.tokenB },
    }));
    const kioskB = await startKiosk({ dataDir: dirB, configFile: configB });
    kiosks.push(kioskB);
    const a = await connectKiosk(kioskA.url);
    const b = await connectKiosk(kioskB.url);
    await a.call('staff.signIn', { username: 'bench.staff', password: seeded.staffPassword });
    const board = await a.call<Board>('staff.group.open', { profileId: PROFILE_ID, label: 'Banc', source: { kind: 'cohort', cohort: COHORT } });
    const kiosk = await kioskSamples(a, b, board.summary.groupId, seeded.people, board);
    const bare = await bareSamples(count);
    return {
      kiosk: { fromTap: summary(kiosk.fromTap), fromAnswer: summary(kiosk.fromAnswer) },
      bare: { fromTap: summary(bare.fromTap), fromAnswer: summary(bare.fromAnswer) },
    };
  } finally {
    for (const running of kiosks.reverse()) await running.stop();
    rmSync(dirA, { recursive: true, force: true });
    rmSync(dirB, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 30);
  console.log(JSON.stringify(await boardLatencyBench(count), null, 2));
}
