export type ThrottleScope = 'identity' | 'terminal';

export interface ThrottleRow {
  scope: ThrottleScope;
  keyHash: string;
  failures: number;
  windowStartedAt: string;
  lastFailureAt: string;
  blockedUntil: string | null;
}

export interface ThrottleStore {
  findThrottle(scope: ThrottleScope, keyHash: string): Promise<ThrottleRow | undefined>;
  saveThrottle(row: ThrottleRow): Promise<void>;
  clearThrottle(scope: ThrottleScope, keyHash: string): Promise<void>;
}
