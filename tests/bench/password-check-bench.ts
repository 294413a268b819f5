import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluatePassword, failedRules } from '../../shared/policies/password-policy';
import type { DictionaryCheck, PasswordContext } from '../../shared/policies/password-policy';
import type { PasswordPolicy } from '../../shared/schemas/password-policy-schema';
import { ProfileSchema } from '../../shared/schemas/profile-schema';
import { summary } from './lib/stats';

/**
 * The server-side password check with the dictionaries (Montpellier policy + the server's
 * createDictionaryCheck) against the same engine without them, over the same candidates, and
 * what the dictionaries cost in memory. Run in its own process so the memory figures are this
 * check's alone: `node --expose-gc --import tsx tests/bench/password-check-bench.ts [count]`
 * (run.ts does exactly that and prints the JSON it writes on stdout).
 */
const CONTEXT: PasswordContext = { names: ['Camille', 'Martineau'], identifier: '21000001', birthDates: ['2006-04-12'] };
const RANDOM_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%&*+-=?@_';

/** Seeded (mulberry32): every run measures the same 10,000 candidates. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = 'word' | 'word+digits' | 'random';

function candidates(count: number, words: readonly string[]): Array<{ kind: Kind; value: string }> {
  const random = seededRandom(20260917);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const kinds: Kind[] = ['word', 'word+digits', 'random'];
  return Array.from({ length: count }, (_, index) => {
    const kind = kinds[index % kinds.length] as Kind;
    if (kind === 'word') return { kind, value: pick(words) };
    if (kind === 'word+digits') return { kind, value: `${pick(words)}${digits(1 + Math.floor(random() * 4))}` };
    const length = 8 + Math.floor(random() * 9);
    return { kind, value: Array.from({ length }, () => pick([...RANDOM_ALPHABET])).join('') };
  });
}

function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

function timeOne(policy: PasswordPolicy, candidate: string, dictionary?: DictionaryCheck): { ms: number; dictionaryRefused: boolean } {
  const started = performance.now();
  const verdict = evaluatePassword(policy, candidate, CONTEXT, dictionary);
  const ms = performance.now() - started;
  return { ms, dictionaryRefused: failedRules(verdict).includes('notDictionaryWord') };
}

export async function passwordCheckBench(count: number) {
  const profile = ProfileSchema.parse(JSON.parse(readFileSync('resources/profiles/um-etudiant.json', 'utf8')));
  if (profile.password.mode !== 'chosen') throw new Error('um-etudiant should have a chosen password');
  const policy = profile.password.policy;

  const before = memory();
  const { createDictionaryCheck } = await import('../../server/services/password/dictionary-check');
  const dictionary = createDictionaryCheck();
  const loadStarted = performance.now();
  dictionary('warm-up', []);
  const firstCallMs = performance.now() - loadStarted;
  const after = memory();

  // Words from the lists themselves (loaded by now, so they do not count in the memory figure).
  const french = await import('@zxcvbn-ts/language-fr');
  const english = await import('@zxcvbn-ts/language-en');
  const words = [...french.dictionary['commonWords-fr'].slice(0, 3000), ...english.dictionary['commonWords-en'].slice(0, 3000)].filter((word) => word.length >= 4);
  const list = candidates(count, words);
  for (const { value } of list.slice(0, 200)) {
    timeOne(policy, value, dictionary);
    timeOne(policy, value);
  }

  const withDictionary: number[] = [];
  const without: number[] = [];
  const refusedByKind: Record<Kind, { refused: number; total: number }> = { word: { refused: 0, total: 0 }, 'word+digits': { refused: 0, total: 0 }, random: { refused: 0, total: 0 } };
  // Interleaved per candidate, so both engines share the machine's state over the run.
  for (const { kind, value } of list) {
    const checked = timeOne(policy, value, dictionary);
    withDictionary.push(checked.ms);
    without.push(timeOne(policy, value).ms);
    refusedByKind[kind].total += 1;
    if (checked.dictionaryRefused) refusedByKind[kind].refused += 1;
  }
  return {
    count,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    firstCallMs,
    memory: { heapUsedBytes: after.heapUsed - before.heapUsed, rssBytes: after.rss - before.rss },
    withDictionary: summary(withDictionary),
    withoutDictionary: summary(without),
    /** Candidates the dictionary rule refused, by kind (the other rules aside). */
    refusedByKind,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10_000);
  console.log(JSON.stringify(await passwordCheckBench(count)));
}
