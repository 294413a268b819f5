/** One numbered schema step, applied in its own transaction (CONVENTIONS.md: migrations only add). */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
