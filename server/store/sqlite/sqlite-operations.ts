import type { StoreOps } from '../store';
import * as activationRepository from './activation-repository';
import * as auditRepository from './audit-repository';
import * as credentialRepository from './credential-repository';
import * as emailProofRepository from './email-proof-repository';
import * as enrollmentRepository from './enrollment-repository';
import * as followUpRepository from './follow-up-repository';
import * as groupRepository from './group-repository';
import * as helpRequestRepository from './help-request-repository';
import * as idCheckRepository from './id-check-repository';
import * as idempotencyRepository from './idempotency-repository';
import * as recoveryRepository from './recovery-repository';
import * as staffRepository from './staff-repository';
import * as staffCaseRepository from './staff-case-repository';
import * as staffSessionRepository from './staff-session-repository';
import * as terminalRepository from './terminal-repository';
import * as terminalListRepository from './terminal-list-repository';
import * as terminalStatusRepository from './terminal-status-repository';
import * as throttleRepository from './throttle-repository';
import type { Db } from './connection';

/** Runs one synchronous repository call on the connection, when and where the caller allows. */
export type Runner = <T>(call: (db: Db) => T) => Promise<T>;

type Repository = Record<string, (db: Db, ...args: never[]) => unknown>;

type Bound<R extends Repository> = {
  [K in keyof R]: R[K] extends (db: Db, ...args: infer A) => infer T ? (...args: A) => Promise<T> : never;
};

function bind<R extends Repository>(repository: R, run: Runner): Bound<R> {
  const bound: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const [name, operation] of Object.entries(repository)) {
    bound[name] = async (...args: never[]) => await run((db) => operation(db, ...args));
  }
  return bound as Bound<R>;
}

/**
 * The SQLite repositories (synchronous better-sqlite3 functions taking the connection) as the
 * port's asynchronous operations. The annotation is the conformance check at compile time: a
 * repository whose signature drifts from its port interface fails to build here.
 */
export function sqliteOperations(run: Runner, chainKey: () => Buffer): StoreOps {
  return {
    activations: bind(activationRepository, run),
    audit: { ...bind(auditRepository, run), chainKey },
    credentials: bind(credentialRepository, run),
    emailProofs: bind(emailProofRepository, run),
    enrollments: bind(enrollmentRepository, run),
    followUps: bind(followUpRepository, run),
    groups: bind(groupRepository, run),
    helpRequests: bind(helpRequestRepository, run),
    idChecks: bind(idCheckRepository, run),
    idempotency: bind(idempotencyRepository, run),
    recoveries: bind(recoveryRepository, run),
    staffCases: bind(staffCaseRepository, run),
    staff: bind(staffRepository, run),
    staffSessions: bind(staffSessionRepository, run),
    terminals: bind({ ...terminalRepository, ...terminalListRepository }, run),
    terminalStatus: bind(terminalStatusRepository, run),
    throttle: bind(throttleRepository, run),
  };
}
