/**
 * The retry of LOCKDOWN.md #20: what the page can clear by itself (fields, storage, cookies). The app stores nothing in
 * these, so anything found here came from elsewhere (a portal page, an injected script).
 */
function expireCookies(doc: Document): void {
  for (const pair of doc.cookie.split(';')) {
    const name = pair.split('=')[0]?.trim();
    if (name) doc.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

/** Awaited, so the check that follows does not count a database still being deleted. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

/** A field the app's reset did not reach (one outside its screens): emptied, not removed. */
function emptyFields(doc: Document): void {
  for (const field of doc.querySelectorAll('input, textarea')) {
    if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) continue;
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = '';
  }
}

export async function scrubPageStorage(doc: Document = document): Promise<void> {
  emptyFields(doc);
  localStorage.clear();
  sessionStorage.clear();
  expireCookies(doc);
  if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
    for (const database of await indexedDB.databases()) {
      if (database.name) await deleteDatabase(database.name);
    }
  }
  if (typeof caches !== 'undefined') {
    for (const key of await caches.keys()) await caches.delete(key);
  }
}
