/**
 * Activation codes, provisional passwords and emailed codes are typed by people from paper or a
 * phone screen, so their alphabet leaves out the look-alikes (0/O, 1/I/L) as the cergy seed's
 * "Cas n°1" warns. Generation happens on the server with a CSPRNG; this says what one looks like.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Length of the code printed in activation emails ("un code court à saisir à la borne"). */
export const EMAIL_CODE_LENGTH = 6;

/** `ABCDEFGH` → `ABCD-EFGH`, `K7P4QX` → `K7P-4QX`: groups read aloud and copied without slips. */
export function groupCode(code: string): string {
  const size = code.length % 4 === 0 ? 4 : 3;
  const groups: string[] = [];
  for (let index = 0; index < code.length; index += size) groups.push(code.slice(index, index + size));
  return groups.join('-');
}

/** What a typed code is compared by: no spaces or hyphens, uppercase. */
export function normalizeCode(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

export function isWellFormedCode(value: string, length: number): boolean {
  const code = normalizeCode(value);
  return code.length === length && [...code].every((char) => CODE_ALPHABET.includes(char));
}

/**
 * `jeanne.dupont@exemple.fr` → `j***@exemple.fr` (idf-lycee seed: the reset goes to the address
 * on file, which the person may only recognise, never read in full).
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}
