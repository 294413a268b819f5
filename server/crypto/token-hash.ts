import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tokens are stored only as this hash; a copied database cannot impersonate a terminal. */
export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

/** `<terminalId>.<secret>`: the id lets the server find the row without scanning every hash. */
export function createTerminalToken(terminalId: string): string {
  return `${terminalId}.${randomBytes(32).toString('base64url')}`;
}

export function terminalIdOfToken(token: string): string | null {
  const dot = token.indexOf('.');
  return dot > 0 ? token.slice(0, dot) : null;
}

export function hashesEqual(leftHex: string, rightHex: string): boolean {
  const left = Buffer.from(leftHex, 'hex');
  const right = Buffer.from(rightHex, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
