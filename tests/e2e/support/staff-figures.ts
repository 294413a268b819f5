import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { HappyPathCounter } from './happy-path-figures';
import { auditEntries, createStaff, lastAuditSeq, serverDirOf, type AuditRow, type StaffAccount } from './staff-cli';

/**
 * Staff effort per troubleshooting case (issue 6), for the lead to quote beside the happy-path
 * figures: staff screens, staff taps and keystrokes, the audit entries the case produced, and
 * the wall-clock time of the run (a figure only, never asserted). One entry per case in
 * test-results/staff-figures.json.
 */
const FIGURES_FILE = join('test-results', 'staff-figures.json');
const LOCK_DIR = `${FIGURES_FILE}.lock`;

/** Two workers may finish at once: a directory made atomically serves as the lock. */
function withLock(work: () => void): void {
  mkdirSync('test-results', { recursive: true });
  for (let attempt = 0; ; attempt += 1) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (error) {
      if (attempt > 2000) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
  try {
    work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export interface StaffCaseFigures {
  counter: HappyPathCounter;
  audit: readonly AuditRow[];
  startedAt: number;
  note: string;
}

export function writeStaffFigures(caseId: string, figures: StaffCaseFigures): void {
  withLock(() => {
    let all: Record<string, unknown> = {};
    try {
      all = JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as Record<string, unknown>;
    } catch {
      // First writer of this run: Playwright empties test-results/ before each run.
    }
    all[caseId] = {
      staffScreens: figures.counter.screens.length,
      staffScreenHeadings: figures.counter.screens,
      staffTaps: figures.counter.taps,
      staffKeystrokes: figures.counter.keystrokes,
      auditEntries: figures.audit.length,
      audit: figures.audit.map((entry) => `${entry.action}:${entry.outcome}`),
      wallClockS: Math.round((Date.now() - figures.startedAt) / 100) / 10,
      note: figures.note,
    };
    writeFileSync(FIGURES_FILE, `${JSON.stringify(all, null, 2)}\n`);
  });
}

/** One troubleshooting case at the desk: its server, the agent who resolves it, where its audit starts. */
export interface StaffCase {
  serverDir: string;
  agent: StaffAccount;
  before: number;
  startedAt: number;
}

export function startStaffCase(kioskDataDir: string): StaffCase {
  const serverDir = serverDirOf(kioskDataDir);
  const agent = createStaff(serverDir, { username: 'lea.durand', name: 'Léa Durand', role: 'agent' });
  return { serverDir, agent, before: lastAuditSeq(serverDir), startedAt: Date.now() };
}

/** The case's audit entries: the expected ones are there, no secret is in any, and its figures are written. */
export function endStaffCase(id: string, staffCase: StaffCase, counter: HappyPathCounter, expected: string[], secrets: string[], note: string): AuditRow[] {
  const added = auditEntries(staffCase.serverDir, staffCase.before);
  expect(added.map((entry) => `${entry.action}:${entry.outcome}`)).toEqual(expect.arrayContaining(expected));
  const text = added.map((entry) => `${entry.subject} ${entry.details}`).join('\n');
  for (const secret of [...secrets, staffCase.agent.password]) expect(text).not.toContain(secret);
  writeStaffFigures(id, { counter, audit: added, startedAt: staffCase.startedAt, note });
  return added;
}
