import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { BoardSchema } from '../../../../shared/contract/staff-api';
import type { Board } from '../../../../shared/contract/staff-api';
import { sealForTest } from '../helpers/seal-for-test';
import { newKey, ServerHarness } from '../helpers/server-harness';
import type { HttpAnswer } from '../helpers/server-harness';
import { addTerminal, createStaff, signIn, staffCall } from '../helpers/staff-harness';

export interface GroupStaff {
  /** Staff token signed in on the harness's own terminal. */
  staff: string;
  /** The second terminal's bearer token and a staff token signed in there. */
  otherTerminal: string;
  otherStaff: string;
}

/** An agent signed in on two terminals (the teacher's and a kiosk of the room). */
export async function twoTerminals(harness: ServerHarness, email?: string): Promise<GroupStaff> {
  const { password } = await createStaff(harness, { username: 'prof.durand', displayName: 'M. Durand', role: 'agent', ...(email ? { email } : {}) });
  const otherTerminal = await addTerminal(harness);
  const staff = await signIn(harness, 'prof.durand', password);
  const otherStaff = await signIn(harness, 'prof.durand', password, { terminalToken: otherTerminal });
  return { staff, otherTerminal, otherStaff };
}

/** Per test, a fresh reference server with that agent signed in on two of its terminals. */
export function groupRoom(): { readonly harness: ServerHarness; readonly team: GroupStaff } {
  const room = {} as { harness: ServerHarness; team: GroupStaff };
  beforeEach(async () => {
    room.harness = await ServerHarness.start();
    room.team = await twoTerminals(room.harness);
  });
  afterEach(async () => {
    await room.harness.close();
  });
  return room;
}

/** The demo cohort L1-Info of cergy opened as a group by the room's agent. */
export async function openL1(room: { harness: ServerHarness; team: GroupStaff }): Promise<{ groupId: string; joinCode: string }> {
  const opened = board(await staffCall(room.harness, 'POST', '/v1/staff/groups', room.team.staff, { profileId: 'cergy-etudiant', label: 'TD L1 Info', source: { kind: 'cohort', cohort: 'L1-Info' } }));
  return { groupId: opened.summary.groupId, joinCode: opened.summary.joinCode };
}

export function board(answer: HttpAnswer): Board {
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`board refused: ${answer.status} ${answer.text}`);
  return BoardSchema.parse(answer.body);
}

export function boardCall(harness: ServerHarness, staff: string, groupId: string, query = ''): Promise<HttpAnswer> {
  return staffCall(harness, 'GET', `/v1/staff/groups/${groupId}/board${query}`, staff);
}

export function stateOf(current: Board, label: string): { state: string; reason?: string | undefined } {
  const member = current.members.find((candidate) => candidate.label === label);
  if (!member) throw new Error(`no member ${label} in ${current.members.map((m) => m.label).join(', ')}`);
  return { state: member.state, reason: member.reason };
}

/** A cergy student activating at a kiosk (lookup, generated password, confirmation) on the given terminal; returns the password. */
export async function activateAtKiosk(harness: ServerHarness, terminalToken: string, profileId: string, identity: Record<string, string>): Promise<string> {
  const lookup = await harness.request('POST', '/v1/lookups', { body: { profileId, identity }, token: terminalToken });
  if (lookup.status !== 200) throw new Error(`lookup refused: ${lookup.text}`);
  const started = await harness.request('POST', '/v1/activations', {
    body: { profileId, sealed: sealForTest({ identity }, harness.publicKey) },
    headers: { 'idempotency-key': newKey() },
    token: terminalToken,
  });
  const id = String(started.body['activationId']);
  const password = String(started.body['password']);
  const confirmed = await harness.request('POST', `/v1/activations/${id}/confirmation`, {
    body: { sealed: sealForTest({ password }, harness.publicKey) },
    headers: { 'idempotency-key': newKey() },
    token: terminalToken,
  });
  if (confirmed.status !== 200) throw new Error(`confirmation refused: ${confirmed.text}`);
  return password;
}

export interface SinkMail {
  to: string[];
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

/** A loopback SMTP server that keeps attachments too (the shared sink keeps text only). */
export async function startAttachmentSink(): Promise<{ url: string; messages: SinkMail[]; close: () => Promise<void> }> {
  const messages: SinkMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            attachments: parsed.attachments.map((file) => ({ filename: file.filename ?? '', contentType: file.contentType, content: file.content.toString('utf8') })),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
