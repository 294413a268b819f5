export interface IdempotencyRow {
  keyHash: string;
  terminalId: string;
  route: string;
  requestHash: string;
  status: number;
  responseEnc: string;
  createdAt: string;
}

export interface IdempotencyStore {
  findIdempotent(keyHash: string): Promise<IdempotencyRow | undefined>;
  insertIdempotent(row: IdempotencyRow): Promise<void>;
}
