import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../server/audit/audit-log';
import { AppErrorSchema } from '../../../../shared/contract/result';
import { GroupSummaryMailResponseSchema } from '../../../../shared/contract/staff-api';
import { demoPerson, profilePerson } from '../helpers/demo-person';
import { sealForTest } from '../helpers/seal-for-test';
import { ServerHarness, newKey } from '../helpers/server-harness';
import { createStaff, signIn, staffCall } from '../helpers/staff-harness';
import { activateAtKiosk, board, boardCall, startAttachmentSink, stateOf, twoTerminals } from './group-calls';
import type { GroupStaff } from './group-calls';

const UM = 'um-etudiant';
const CHOSEN = 'q8Zt-Lw3p-Rx9k';
let sink: Awaited<ReturnType<typeof startAttachmentSink>>;
let harness: ServerHarness;
let team: GroupStaff;

beforeAll(async () => {
  sink = await startAttachmentSink();
});
afterAll(async () => {
  await sink.close();
});
beforeEach(async () => {
  harness = await ServerHarness.start({ mail: { smtpUrl: sink.url, from: 'sesame@example.org' } });
  team = await twoTerminals(harness, 'prof.durand@example.org');
});
afterEach(async () => {
  await harness.close();
});

/** Yanis (eligible), Adam (payment pending), someone the registrar's file does not know; columns in any order. */
const LIST = [
  'label,student_number,last_name,birth_date',
  'Yanis D.,22000001,Delmas,2005-06-21',
  'Adam C.,22000003,Chevalier,2005-12-12',
  ',22009999,Inconnu,2005-01-01',
].join('\r\n');

function groupRows(): number {
  return harness.readDatabase((db) => (db.prepare('SELECT (SELECT COUNT(*) FROM groups) + (SELECT COUNT(*) FROM group_members) AS n').get() as { n: number }).n);
}

describe('group session opened from a teacher\'s list (issue 6)', () => {
  it('refuses a bad list naming rows and columns, writing nothing', async () => {
    const missing = await staffCall(harness, 'POST', '/v1/staff/groups', team.staff, { profileId: UM, label: 'TP', source: { kind: 'csv', csv: 'student_number,last_name\n22000001,Delmas\n' } });
    expect([missing.status, missing.body.error?.code]).toEqual([400, 'INVALID_INPUT']);
    expect(AppErrorSchema.parse(missing.body.error).csv).toEqual([{ code: 'MISSING_COLUMN', column: 'birth_date' }]);
    const badRow = LIST.replace('2005-12-12', '2005-13-45').replace('22009999', '2200');
    const refused = await staffCall(harness, 'POST', '/v1/staff/groups', team.staff, { profileId: UM, label: 'TP', source: { kind: 'csv', csv: badRow } });
    expect(AppErrorSchema.parse(refused.body.error).csv).toEqual([
      { code: 'BAD_VALUE', line: 3, column: 'birth_date', reason: 'date' },
      { code: 'BAD_VALUE', line: 4, column: 'student_number', reason: 'format' },
    ]);
    expect(groupRows()).toBe(0);
  });

  it('follows a chosen password to awaitingEmail, shows payment and unknown rows blocked; summary CSV and mail hold no secret', async () => {
    const opened = board(await staffCall(harness, 'POST', '/v1/staff/groups', team.staff, { profileId: UM, label: 'TP amphi A', source: { kind: 'csv', csv: LIST } }));
    expect(opened.members.map((member) => [member.no, member.label, member.state, member.reason])).toEqual([
      [1, 'Yanis D.', 'waiting', undefined],
      [2, 'Adam C.', 'blocked', 'PAYMENT_PENDING'],
      [3, 'Inconnu', 'blocked', 'NOT_FOUND'],
    ]);
    const { groupId, joinCode } = opened.summary;
    await staffCall(harness, 'POST', '/v1/staff/groups/join', team.otherStaff, { joinCode }, team.otherTerminal);

    const started = await harness.request('POST', '/v1/activations', {
      body: { profileId: UM, sealed: sealForTest({ identity: profilePerson(UM, 'eligible'), choice: { password: CHOSEN, locale: 'fr' } }, harness.publicKey) },
      headers: { 'idempotency-key': newKey() },
      token: team.otherTerminal,
    });
    expect(started.status).toBe(201);
    const current = board(await boardCall(harness, team.staff, groupId));
    expect(stateOf(current, 'Yanis D.')).toEqual({ state: 'awaitingEmail', reason: undefined });
    expect(current.summary.counts).toEqual({ waiting: 0, awaitingEmail: 1, done: 0, blocked: 2 });

    const csv = await staffCall(harness, 'GET', `/v1/staff/groups/${groupId}/summary.csv`, team.staff);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('no,label,state,reason,updated_at');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 4))).toEqual([
      ['1', 'Yanis D.', 'awaitingEmail', ''],
      ['2', 'Adam C.', 'blocked', 'PAYMENT_PENDING'],
      ['3', 'Inconnu', 'blocked', 'NOT_FOUND'],
    ]);
    const activationMail = sink.messages.find((mail) => mail.to.includes('yanis.delmas@example.org'));
    // The emailed proof: its grouped code and its link's token (email-proof-harness.ts reads them the same way).
    const emailCode = /\b([A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3})\b/.exec(activationMail?.text ?? '')?.[1];
    const linkToken = /\/v1\/email-links\/([A-Za-z0-9_-]{43})/.exec(activationMail?.text ?? '')?.[1];
    expect([emailCode, linkToken]).not.toContain(undefined);
    for (const secret of [CHOSEN, emailCode ?? '', linkToken ?? '', '22000001', '2005-06-21', 'yanis.delmas', team.staff]) expect(csv.text).not.toContain(secret);

    const mailed = await staffCall(harness, 'POST', `/v1/staff/groups/${groupId}/summary-mail`, team.staff);
    expect(GroupSummaryMailResponseSchema.parse(mailed.body)).toEqual({ sentTo: 'p***@example.org' });
    const summary = sink.messages.find((mail) => mail.to.includes('prof.durand@example.org'));
    expect(summary?.attachments).toHaveLength(1);
    expect(summary?.attachments[0]?.filename).toMatch(/\.csv$/);
    expect(summary?.attachments[0]?.content).toBe(csv.text);
    expect(summary?.text).toContain('Bloqués : 2');

    const { password } = await createStaff(harness, { username: 'sans.adresse', role: 'agent' });
    const noAddress = await staffCall(harness, 'POST', `/v1/staff/groups/${groupId}/summary-mail`, await signIn(harness, 'sans.adresse', password));
    expect([noAddress.status, noAddress.body.error?.code]).toEqual([409, 'NOT_APPLICABLE']);

    expect((await harness.withStore(verifyAuditChain)).ok).toBe(true);
  });

  it('mails the summary in the staff member\'s screen language when the kiosk gives it, French otherwise', async () => {
    const opened = board(await staffCall(harness, 'POST', '/v1/staff/groups', team.staff, { profileId: UM, label: 'TP amphi B', source: { kind: 'csv', csv: LIST } }));
    const path = `/v1/staff/groups/${opened.summary.groupId}/summary-mail`;
    expect((await staffCall(harness, 'POST', path, team.staff, { locale: 'en' })).status).toBe(200);
    expect((await staffCall(harness, 'POST', path, team.staff)).status).toBe(200);
    // What the kiosk sends today: an empty object.
    expect((await staffCall(harness, 'POST', path, team.staff, {})).status).toBe(200);
    expect((await staffCall(harness, 'POST', path, team.staff, { locale: 'de' })).body.error?.code).toBe('INVALID_INPUT');
    const [english, french, fromKiosk] = sink.messages.filter((mail) => mail.to.includes('prof.durand@example.org') && mail.subject.includes('TP amphi B'));
    expect(english?.subject).toBe('Sésame — summary of the session “TP amphi B”');
    expect(english?.text).toContain('Blocked: 2');
    expect(english?.text).not.toContain('Bloqués');
    expect(french?.subject).toBe('Sésame — bilan de la séance « TP amphi B »');
    expect(french?.text).toContain('Bloqués : 2');
    expect(fromKiosk?.subject).toBe(french?.subject);
    expect(english?.attachments[0]?.content).toBe(french?.attachments[0]?.content);
  });

  it('a cergy activation on the other terminal shows done; the summary never holds the generated password', async () => {
    const list = 'student_number,last_name,first_name,birth_date\n21000001,Martineau,Camille,2006-04-12\n';
    const opened = board(await staffCall(harness, 'POST', '/v1/staff/groups', team.staff, { profileId: 'cergy-etudiant', label: 'Accueil', source: { kind: 'csv', csv: list } }));
    const password = await activateAtKiosk(harness, team.otherTerminal, 'cergy-etudiant', demoPerson('eligible', 0));
    const csv = await staffCall(harness, 'GET', `/v1/staff/groups/${opened.summary.groupId}/summary.csv`, team.staff);
    expect(csv.text.split('\r\n')[1]?.split(',').slice(0, 3)).toEqual(['1', 'Camille M.', 'done']);
    expect(csv.text).not.toContain(password);
    expect((await harness.withStore(verifyAuditChain)).ok).toBe(true);
  });
});
