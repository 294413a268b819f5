import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import type { Store, StoreOps, StoreTx } from '../store';
import type { Db } from './connection';
import { sqliteOperations } from './sqlite-operations';
import type { Runner } from './sqlite-operations';

interface TxScope {
  open: boolean;
  /** Audit seqs appended by this transaction, announced only once it has committed. */
  appended: number[];
}

export class StoreMisuseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreMisuseError';
  }
}

/**
 * The port over one better-sqlite3 connection. That connection is synchronous and single: an
 * async transaction that awaits between statements leaves it mid-transaction, and any other
 * request's statement run then would see, or worse join, the uncommitted writes. So every use
 * of the connection goes through one FIFO queue: a transaction holds it from BEGIN IMMEDIATE to
 * COMMIT/ROLLBACK, a plain read or write holds it for its one statement. Across processes (the
 * CLI beside a running server) SQLite's own lock and busy_timeout still serialise writers.
 */
export class SqliteStore implements Store {
  readonly #db: Db;
  readonly #scopes = new AsyncLocalStorage<TxScope>();
  readonly #events = new EventEmitter();
  readonly #ops: StoreOps;
  readonly #chainKey: () => Buffer;
  #tail: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(db: Db, chainKey: () => Buffer) {
    this.#db = db;
    this.#chainKey = chainKey;
    this.#events.setMaxListeners(0);
    this.#ops = this.#operations((call) => this.#exclusive(() => call(this.#db)), null);
  }

  get activations() { return this.#ops.activations; }
  get audit() { return this.#ops.audit; }
  get credentials() { return this.#ops.credentials; }
  get emailProofs() { return this.#ops.emailProofs; }
  get enrollments() { return this.#ops.enrollments; }
  get followUps() { return this.#ops.followUps; }
  get groups() { return this.#ops.groups; }
  get helpRequests() { return this.#ops.helpRequests; }
  get idChecks() { return this.#ops.idChecks; }
  get idempotency() { return this.#ops.idempotency; }
  get recoveries() { return this.#ops.recoveries; }
  get staff() { return this.#ops.staff; }
  get staffCases() { return this.#ops.staffCases; }
  get staffSessions() { return this.#ops.staffSessions; }
  get terminals() { return this.#ops.terminals; }
  get terminalStatus() { return this.#ops.terminalStatus; }
  get throttle() { return this.#ops.throttle; }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.#exclusive(async () => {
      const scope: TxScope = { open: true, appended: [] };
      const tx = this.#operations((call) => {
        if (!scope.open) return Promise.reject(new StoreMisuseError('a transaction was used after it had ended'));
        return settle(() => call(this.#db));
      }, scope);
      this.#db.exec('BEGIN IMMEDIATE');
      let result: T;
      try {
        result = await this.#scopes.run(scope, () => fn(tx));
        this.#db.exec('COMMIT');
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw error;
      } finally {
        scope.open = false;
      }
      this.#announce(scope.appended);
      return result;
    });
  }

  onAuditAppended(listener: (seq: number) => void): () => void {
    this.#events.on('appended', listener);
    return () => this.#events.off('appended', listener);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    const last = this.#exclusive(() => {
      if (this.#db.open) this.#db.close();
    });
    this.#closed = true;
    await last;
  }

  /** Queues `work` behind everything already holding or waiting for the connection. */
  #exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    // Waiting here from inside a transaction's callback would wait for that transaction: a deadlock.
    if (this.#scopes.getStore()?.open) {
      return Promise.reject(new StoreMisuseError('the store was called inside a transaction: use the transaction given to the callback'));
    }
    if (this.#closed) return Promise.reject(new StoreMisuseError('the store is closed'));
    const run = this.#tail.then(work);
    this.#tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  #operations(run: Runner, scope: TxScope | null): StoreOps {
    const ops = sqliteOperations(run, this.#chainKey);
    const audit: StoreOps['audit'] = {
      ...ops.audit,
      insertAuditRow: async (row) => {
        await ops.audit.insertAuditRow(row);
        if (scope) scope.appended.push(row.seq);
        else this.#announce([row.seq]);
      },
    };
    return { ...ops, audit };
  }

  #announce(seqs: number[]): void {
    const last = seqs.at(-1);
    // Listeners (board long polls) read the store: let them run after the caller's own continuation.
    if (last !== undefined) setImmediate(() => this.#events.emit('appended', last));
  }
}

function settle<T>(call: () => T): Promise<T> {
  return new Promise((resolve) => resolve(call()));
}
