import { describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../../server/demo/demo-identities';
import { PROFILE_DEMO_PEOPLE } from '../../../server/demo/profile-demo-people';
import { useServerHarness } from './helpers/server-harness';

const harness = useServerHarness();

const HOUR = 3_600_000;

describe('eligibility, decided by the server from the enrollment record', () => {
  for (const person of DEMO_IDENTITIES) {
    it(`${person.identity.studentNumber} answers ${person.expected} (${person.note})`, async () => {
      const answer = await harness().lookup(person.identity);
      if (person.expected === 'eligible') {
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ eligible: true });
      } else {
        expect(answer.body.error?.code).toBe(person.expected);
      }
    });
  }

  it('every demo person of the other profiles answers what the README says', async () => {
    // IDF case 2 has no letter to look up with: that person's way in is recovery (recovery-password.test.ts).
    const people = PROFILE_DEMO_PEOPLE.filter((person) => person.expected !== 'PASSWORD_RECOVERY');
    const answers: string[] = [];
    for (const person of people) {
      const answer = await harness().lookup(person.identity, person.profileId);
      answers.push(answer.status === 200 ? 'eligible' : String(answer.body.error?.code));
    }
    expect(answers).toEqual(people.map((person) => person.expected));
  });

  it('an online enrollment opens at the next midnight in Europe/Paris', async () => {
    // The fake clock starts at 2026-09-15T08:00Z = 10:00 in Paris (UTC+2): opens 16 Sep 00:00 Paris.
    const online = DEMO_IDENTITIES.find((p) => p.expected === 'NOT_YET_OPEN' && p.record?.channel === 'online');
    const answer = await harness().lookup(online?.identity ?? {});
    expect(answer.status).toBe(403);
    expect(answer.body.error).toEqual({ code: 'NOT_YET_OPEN', opensAt: '2026-09-15T22:00:00.000Z' });
    harness().clock.advance(14 * HOUR - 1000);
    expect((await harness().lookup(online?.identity ?? {})).body.error?.code).toBe('NOT_YET_OPEN');
    harness().clock.advance(1000);
    expect((await harness().lookup(online?.identity ?? {})).status).toBe(200);
  });

  it('a remote enrollment opens 24 h after it was recorded', async () => {
    const remote = DEMO_IDENTITIES.find((p) => p.expected === 'NOT_YET_OPEN' && p.record?.channel === 'remote');
    const answer = await harness().lookup(remote?.identity ?? {});
    expect(answer.body.error).toEqual({ code: 'NOT_YET_OPEN', opensAt: new Date(harness().clock.now().getTime() + 22 * HOUR).toISOString() });
    harness().clock.advance(22 * HOUR);
    expect((await harness().lookup(remote?.identity ?? {})).status).toBe(200);
  });

  it('an unknown profile is NOT_FOUND', async () => {
    const answer = await harness().lookup(DEMO_IDENTITIES[0]?.identity ?? {}, 'autre-profil');
    expect(answer.status).toBe(404);
    expect(answer.body.error?.code).toBe('NOT_FOUND');
  });

  it('the terminal config gives the sealing key and the server time', async () => {
    const answer = await harness().request('GET', '/v1/terminal/config');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      terminalId: 'borne-test',
      sealingKey: { alg: 'X25519-HKDF-SHA256-A256GCM', publicKey: harness().publicKey },
      serverTime: '2026-09-15T08:00:00.000Z',
    });
  });
});
