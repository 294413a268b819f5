import { describe, expect, it } from 'vitest';
import { findLeaks, type PageTraces } from '../../../renderer/src/lib/privacy/page-leaks';
import { TypedFingerprints, wordsOf } from '../../../renderer/src/lib/privacy/typed-fingerprints';

/** LOCKDOWN.md #20: the post-wipe check finds what was typed without keeping it. */
const clean: PageTraces = {
  filledInputs: 0,
  text: 'Bienvenue\nVous êtes…\nÉtudiant de CY Cergy Paris Université',
  localStorageKeys: 0,
  sessionStorageKeys: 0,
  cookie: false,
  indexedDbDatabases: 0,
  cacheStorageCaches: 0,
};

function typed(...values: string[]): TypedFingerprints {
  const set = new TypedFingerprints();
  for (const value of values) set.remember(value);
  return set;
}

describe('typed fingerprints', () => {
  it('finds a typed word in page text, whatever its case or accents form', () => {
    const set = typed('Lefèvre-Dupont', '22001234');
    expect(set.foundIn('Merci LEFÈVRE')).toBe(true);
    expect(set.foundIn('dossier 22001234 reçu')).toBe(true);
    expect(set.foundIn('Lefe\u0300vre')).toBe(true);
    expect(set.foundIn('Bienvenue, Vous êtes…')).toBe(false);
  });

  it('holds hashes, not the values', () => {
    const set = typed('Lefèvre');
    expect(JSON.stringify(set)).not.toContain('fèvre');
    expect(Object.values(set)).toEqual([]);
    expect(set.size).toBe(1);
  });

  it('ignores words too short to tell apart from screen text', () => {
    expect(wordsOf('05/03/2004 de Lé')).toEqual(['2004']);
    expect(typed('05').foundIn('05')).toBe(false);
  });

  it('forgets everything once a wipe is verified', () => {
    const set = typed('Martin');
    set.forget();
    expect(set.size).toBe(0);
    expect(set.foundIn('Martin')).toBe(false);
  });
});

describe('leaks after a wipe', () => {
  it('a clean page has none', () => {
    expect(findLeaks(clean, typed('Martin', '22001234'))).toEqual([]);
  });

  it('names every kind of trace left, never its value', () => {
    const dirty: PageTraces = {
      filledInputs: 1,
      text: `${clean.text}\nMartin`,
      localStorageKeys: 1,
      sessionStorageKeys: 2,
      cookie: true,
      indexedDbDatabases: 1,
      cacheStorageCaches: 1,
    };
    const leaks = findLeaks(dirty, typed('Martin'));
    expect(leaks).toEqual(['input', 'text', 'localStorage', 'sessionStorage', 'cookie', 'indexedDB', 'cacheStorage']);
    expect(leaks.join()).not.toContain('Martin');
  });
});
