import type { TypedFingerprints } from './typed-fingerprints';

/**
 * What the page itself can see of a previous session (LOCKDOWN.md #20): the renderer cannot
 * read the shell's cookie jar or HTTP cache (#14 is the shell's), but it can read these.
 * Only counts and flags: a leak is reported by kind, never with the value.
 */
export interface PageTraces {
  filledInputs: number;
  /** Visible text and field values joined, checked against the typed fingerprints. */
  text: string;
  localStorageKeys: number;
  sessionStorageKeys: number;
  cookie: boolean;
  indexedDbDatabases: number;
  cacheStorageCaches: number;
}

export type LeakKind = 'input' | 'text' | 'localStorage' | 'sessionStorage' | 'cookie' | 'indexedDB' | 'cacheStorage';

/** The kinds of trace left; empty when the page is clean. */
export function findLeaks(traces: PageTraces, typed: TypedFingerprints): LeakKind[] {
  const leaks: LeakKind[] = [];
  if (traces.filledInputs > 0) leaks.push('input');
  if (typed.foundIn(traces.text)) leaks.push('text');
  if (traces.localStorageKeys > 0) leaks.push('localStorage');
  if (traces.sessionStorageKeys > 0) leaks.push('sessionStorage');
  if (traces.cookie) leaks.push('cookie');
  if (traces.indexedDbDatabases > 0) leaks.push('indexedDB');
  if (traces.cacheStorageCaches > 0) leaks.push('cacheStorage');
  return leaks;
}
