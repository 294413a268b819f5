import type { PageTraces } from './page-leaks';

/** Reads the page for LOCKDOWN.md #20; the verdict is `findLeaks` (page-leaks.ts, no DOM). */

const FIELDS = 'input, textarea, select';

/** Kept fields: a checkbox left ticked is no personal data; its value is its label, not typed. */
function isFilled(field: Element): boolean {
  if (field instanceof HTMLInputElement) {
    if (field.type === 'checkbox' || field.type === 'radio') return false;
    return field.value !== '';
  }
  if (field instanceof HTMLTextAreaElement) return field.value !== '';
  return false;
}

function fieldValue(field: Element): string {
  return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : '';
}

async function countIndexedDb(): Promise<number> {
  // indexedDB.databases() exists in Chromium (and Electron); absent elsewhere, nothing to count.
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return 0;
  return (await indexedDB.databases()).length;
}

async function countCaches(): Promise<number> {
  if (typeof caches === 'undefined') return 0;
  return (await caches.keys()).length;
}

export async function readPageTraces(doc: Document = document): Promise<PageTraces> {
  const fields = [...doc.querySelectorAll(FIELDS)];
  return {
    filledInputs: fields.filter(isFilled).length,
    text: `${doc.body.innerText}\n${fields.map(fieldValue).join('\n')}`,
    localStorageKeys: localStorage.length,
    sessionStorageKeys: sessionStorage.length,
    cookie: doc.cookie !== '',
    indexedDbDatabases: await countIndexedDb(),
    cacheStorageCaches: await countCaches(),
  };
}

/** Every value typed in a field that is still on the page (the wipe snapshots them first). */
export function fieldValuesOnPage(doc: Document = document): string[] {
  return [...doc.querySelectorAll(FIELDS)]
    .filter((field) => !(field instanceof HTMLInputElement && field.type === 'password'))
    .map(fieldValue)
    .filter((value) => value !== '');
}
