import { describe, expect, it } from 'vitest';
import { checkProfileSet } from '../../../../electron/core/config/profile-set-check';
import { loadProfile } from '../support/chosen-rig';

const ent77 = loadProfile('ent77-college');
const cergy = loadProfile('cergy-etudiant');

describe('checkProfileSet', () => {
  it('accepts a valid set holding the terminal profiles, other institutions included', () => {
    expect(checkProfileSet({ profiles: [cergy, ent77] }, ['ent77-college'])).toEqual({ ok: true, profiles: [cergy, ent77] });
  });

  it.each([
    ['no body', undefined, 'CONFIG_MALFORMED'],
    ['an empty set', { profiles: [] }, 'CONFIG_MALFORMED'],
    ['one profile missing its terms title', { profiles: [{ ...ent77, terms: { version: 'v2' } }] }, 'CONFIG_MALFORMED'],
    ['one id twice', { profiles: [ent77, { ...ent77 }] }, 'CONFIG_DUPLICATE_ID'],
    ["the terminal's profile absent", { profiles: [cergy] }, 'CONFIG_MISSING_PROFILE'],
  ])('refuses %s with a stable code', (_what, body, code) => {
    expect(checkProfileSet(body, ['ent77-college'])).toEqual({ ok: false, code });
  });
});
