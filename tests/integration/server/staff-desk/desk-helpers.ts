import { afterEach, beforeEach } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../../server/audit/audit-log';
import type { AuditEntry, Diagnosis } from '../../../../shared/contract/staff-api';
import { DiagnosisSchema, StaffActionResponseSchema } from '../../../../shared/contract/staff-api';
import { startSmtpSink } from '../../../support/smtp-sink';
import type { SmtpSink } from '../../../support/smtp-sink';
import { ServerHarness } from '../helpers/server-harness';
import type { HttpAnswer } from '../helpers/server-harness';
import { createStaff, signIn, staffCall } from '../helpers/staff-harness';

/** Letter secrets: never asked of staff, who search by the record fields only. */
const SECRET_KEYS = ['activationCode', 'provisionalPassword', 'letterPassword'];

export function recordIdentity(identity: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(identity).filter(([key]) => !SECRET_KEYS.includes(key)));
}

export interface Desk {
  harness: ServerHarness;
  sink: SmtpSink;
  /** The signed-in agent's staff token on the harness's terminal. */
  staffToken: string;
  password: string;
}

/** After the clock moved past the session's expiry: the agent signs in again (a new session, new cases). */
export async function signInAgain(desk: Desk): Promise<void> {
  desk.staffToken = await signIn(desk.harness, 'agent.desk', desk.password);
}

/** A seeded server with the SMTP sink as relay, and one agent signed in on its terminal. */
export function useDesk(): () => Desk {
  let desk: Desk | undefined;
  beforeEach(async () => {
    const sink = await startSmtpSink();
    const harness = await ServerHarness.start({ mail: { smtpUrl: sink.url } });
    const { password } = await createStaff(harness, { username: 'agent.desk', role: 'agent' });
    desk = { harness, sink, password, staffToken: await signIn(harness, 'agent.desk', password) };
  });
  afterEach(async () => {
    await desk?.harness.close();
    await desk?.sink.close();
    desk = undefined;
  });
  return () => {
    if (!desk) throw new Error('desk not started');
    return desk;
  };
}

export function lookupCall(desk: Desk, profileId: string, identity: Record<string, string>, staffToken = desk.staffToken, terminalToken?: string): Promise<HttpAnswer> {
  return staffCall(desk.harness, 'POST', '/v1/staff/lookups', staffToken, { profileId, identity: recordIdentity(identity) }, terminalToken);
}

/** Looks a person up and returns the parsed diagnosis; throws on anything else. */
export async function diagnosisOf(desk: Desk, profileId: string, identity: Record<string, string>): Promise<Diagnosis> {
  const answer = await lookupCall(desk, profileId, identity);
  if (answer.status !== 200) throw new Error(`lookup refused: ${answer.status} ${answer.text}`);
  return DiagnosisSchema.parse(answer.body);
}

export function actCall(desk: Desk, caseId: string, body: Record<string, unknown>, staffToken = desk.staffToken, terminalToken?: string): Promise<HttpAnswer> {
  return staffCall(desk.harness, 'POST', `/v1/staff/cases/${caseId}/actions`, staffToken, body, terminalToken);
}

/** One action that must succeed: its parsed answer. */
export async function act(desk: Desk, caseId: string, body: Record<string, unknown>) {
  const answer = await actCall(desk, caseId, body);
  if (answer.status !== 200) throw new Error(`action refused: ${answer.status} ${answer.text}`);
  return StaffActionResponseSchema.parse(answer.body);
}

/** "Pièce d'identité vérifiée" recorded in this case: what a new secret, a reactivation or a corrected address waits for. */
export async function checkId(desk: Desk, caseId: string): Promise<void> {
  await act(desk, caseId, { action: 'idCheck', document: 'idCard' });
}

/** The diagnosis without what changes from one case to the next, to compare states. */
export function stateOf(diagnosis: Diagnosis): Omit<Diagnosis, 'caseId' | 'idCheck' | 'actions' | 'afterIdCheck'> {
  const rest: Partial<Diagnosis> = { ...diagnosis };
  delete rest.caseId;
  delete rest.idCheck;
  delete rest.actions;
  delete rest.afterIdCheck;
  return rest as Omit<Diagnosis, 'caseId' | 'idCheck' | 'actions' | 'afterIdCheck'>;
}

export async function deskAudit(desk: Desk): Promise<AuditEntry[]> {
  return (await desk.harness.withStore(async (db) => await listAudit(db))).filter((entry) => entry.action.startsWith('staff.') && entry.actor === 'agent.desk');
}

export async function chainHolds(desk: Desk): Promise<boolean> {
  return (await desk.harness.withStore(async (db) => await verifyAuditChain(db))).ok;
}
