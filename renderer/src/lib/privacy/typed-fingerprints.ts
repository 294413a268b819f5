/**
 * What the person typed this session, kept only as salted hashes of its words, so that after a
 * wipe the page can be searched for it (LOCKDOWN.md #20) without the check itself holding the
 * values the wipe must forget (#14). A hash reveals no length; the salt is new every session, so
 * the set is useless once forgotten.
 */

/** Shorter words ("05" of a birth date, "de") would match ordinary screen text. */
const MIN_WORD_LENGTH = 3;

/** Words as the check compares them: case-folded, accents composed, split on anything else. */
export function wordsOf(value: string): string[] {
  return value
    .normalize('NFKC')
    .toLocaleLowerCase('fr')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= MIN_WORD_LENGTH);
}

/** cyrb53: a fast 53-bit string hash; synchronous, so remembering costs no await on input. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function freshSalt(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

export class TypedFingerprints {
  #salt = freshSalt();
  #hashes = new Set<number>();

  get size(): number {
    return this.#hashes.size;
  }

  remember(value: string): void {
    for (const word of wordsOf(value)) this.#hashes.add(hash53(word, this.#salt));
  }

  /** True when any word of `text` is one the person typed. */
  foundIn(text: string): boolean {
    if (this.#hashes.size === 0) return false;
    return wordsOf(text).some((word) => this.#hashes.has(hash53(word, this.#salt)));
  }

  /** After a verified wipe: the next person starts with an empty set and a new salt. */
  forget(): void {
    this.#hashes = new Set();
    this.#salt = freshSalt();
  }
}
