import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../../../../electron/core/config/profile-loader';
import { parseWith } from '../../../../shared/contract/parse';
import { KioskSession } from '../../../../electron/core/session/kiosk-session';
import { identitySchemaForSession } from '../../../../electron/core/session/session-identity';
import { PROFILES_DIR } from '../support/cergy-profile';

const [ent77] = loadProfiles(PROFILES_DIR, ['ent77-college']);

describe('identity of a handed-over session (issue 6: the id check replaces the letter code)', () => {
  if (!ent77) throw new Error('ent77 profile missing');
  const fields = Object.fromEntries(ent77.identity.fields.filter((field) => field.kind !== 'credential').map((field) => [field.key, field.kind === 'birthDate' ? '2012-03-04' : 'Durand']));

  it('a plain session still requires every field of the profile', () => {
    const parsed = parseWith(identitySchemaForSession(new KioskSession(ent77)), fields);
    expect(parsed).toMatchObject({ ok: false, problems: [{ key: 'activationCode', reason: 'required' }] });
  });

  it('a session with waived fields accepts the identity without them, and refuses them if sent', () => {
    const session = new KioskSession(ent77, ['activationCode']);
    expect(parseWith(identitySchemaForSession(session), fields)).toEqual({ ok: true, data: fields });
    expect(parseWith(identitySchemaForSession(session), { ...fields, activationCode: 'ABCD2345' })).toMatchObject({ ok: false, problems: [{ reason: 'unknown' }] });
  });
});
