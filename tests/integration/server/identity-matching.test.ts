import { describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../../server/demo/demo-identities';
import { useServerHarness } from './helpers/server-harness';
import type { HttpAnswer } from './helpers/server-harness';

const harness = useServerHarness('all');

function demo(number: string) {
  const person = DEMO_IDENTITIES.find((p) => p.identity.studentNumber === number);
  if (!person) throw new Error(`no demo person ${number}`);
  return person;
}

/** Everything a client could compare, except the Date header. */
function visible(answer: HttpAnswer) {
  const headers = [...answer.headers.entries()].filter(([name]) => name !== 'date');
  return { status: answer.status, text: answer.text, headers };
}

describe('identity matching', () => {
  const accented = demo('21000002').identity;

  it.each([
    ['as recorded', accented],
    ['upper case without accents', { ...accented, lastName: "N'GUESSAN-LEFEVRE", firstName: 'ZOE-HELENE' }],
    ['typographic apostrophe and lower case', { ...accented, lastName: 'n’guessan-lefèvre', firstName: 'zoé-hélène' }],
    ['spaces around the hyphen and surrounding blanks', { ...accented, lastName: " N'Guessan - Lefevre ", firstName: ' Zoe - Helene' }],
  ])('matches names %s', async (_label, identity) => {
    expect((await harness().lookup(identity)).status).toBe(200);
  });

  it('does not take the nom d\'usage for the record\'s name (cergy seed, Cas n°3)', async () => {
    const person = demo('21000007');
    expect((await harness().lookup({ ...person.identity, lastName: person.usageName ?? '' })).body.error?.code).toBe('IDENTITY_MISMATCH');
    expect((await harness().lookup(person.identity)).status).toBe(200);
  });

  it('answers an unknown number exactly like a wrong name or a wrong birth date', async () => {
    const known = demo('21000001').identity;
    const unknown = await harness().lookup({ ...known, studentNumber: '21009999' });
    const wrongName = await harness().lookup({ ...known, lastName: 'Martinez' });
    const wrongBirth = await harness().lookup({ ...known, birthDate: '2006-04-13' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: { code: 'IDENTITY_MISMATCH' } });
    expect(visible(wrongName)).toEqual(visible(unknown));
    expect(visible(wrongBirth)).toEqual(visible(unknown));
  });

  it('reports malformed fields by name, without their values', async () => {
    const answer = await harness().lookup({ lastName: 'Martineau', firstName: '', birthDate: '2006-02-30', studentNumber: '2100001' });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('INVALID_INPUT');
    expect(answer.body.error?.fields?.map((field) => field.key).sort()).toEqual(['identity.birthDate', 'identity.firstName', 'identity.studentNumber']);
    expect(answer.text).not.toContain('2100001');
  });
});
