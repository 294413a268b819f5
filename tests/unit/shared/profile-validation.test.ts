import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProfiles as loadKioskProfiles } from '../../../electron/core/config/profile-loader';
import { loadProfiles as loadServerProfiles } from '../../../server/profiles/profile-registry';
import { ProfileSchema } from '../../../shared/schemas/profile-schema';
import { makeTempFolder } from '../core/support/temp-folder';

/**
 * A broken profile is refused with the field that is wrong (issue 3: "a broken profile file is
 * refused at start-up with the field and the reason"): each mutation of a valid profile from
 * resources/profiles/ must fail ProfileSchema at its path, and both loaders must name the file.
 */
type Json = Record<string, unknown>;
const PROFILE_FILES = readdirSync('resources/profiles').filter((name) => name.endsWith('.json')).sort();
const originals = new Map(PROFILE_FILES.map((name) => [name, JSON.parse(readFileSync(join('resources/profiles', name), 'utf8')) as Json]));

function at(value: Json, path: string[]): Json {
  return path.reduce<Json>((node, key) => node[key] as Json, value);
}

/** A mutation breaks one thing and says where; `null` when it does not apply to this profile. */
type Mutation = { name: string; apply(profile: Json): string[] | null };

const REQUIRED = ['id', 'version', 'institution', 'title', 'audience', 'persona', 'timeZone', 'identity', 'password', 'account', 'contacts'];
const WRONG_TYPES: Array<[string[], unknown]> = [
  [['version'], '1'],
  [['timeZone'], 42],
  [['identity', 'fields'], {}],
  [['account', 'portalUrl'], 'not a url'],
  [['title'], 'Activer'],
];

const MUTATIONS: Mutation[] = [
  ...REQUIRED.map((key) => ({ name: `drop ${key}`, apply: (p: Json) => (Reflect.deleteProperty(p, key), [key]) })),
  ...WRONG_TYPES.map(([path, value]) => ({
    name: `wrong type at ${path.join('.')}`,
    apply: (p: Json) => {
      at(p, path.slice(0, -1))[path.at(-1) as string] = value;
      return path;
    },
  })),
  { name: 'unknown lookupKey', apply: (p) => ((at(p, ['identity']).lookupKey = 'nomUsage'), ['identity', 'lookupKey']) },
  {
    name: 'credential as lookupKey',
    apply: (p) => {
      const credential = (at(p, ['identity']).fields as Json[]).find((field) => field.kind === 'credential');
      if (!credential) return null;
      at(p, ['identity']).lookupKey = credential.key;
      return ['identity', 'lookupKey'];
    },
  },
  {
    name: 'minLength above maxLength',
    apply: (p) => {
      if (at(p, ['password']).mode !== 'chosen') return null;
      Object.assign(at(p, ['password', 'policy']), { minLength: 20, maxLength: 10, advisedLength: undefined });
      return ['password', 'policy', 'minLength'];
    },
  },
  {
    name: 'generated mode with a contact step',
    apply: (p) => {
      if (at(p, ['password']).mode !== 'generated') return null;
      p.contact = { email: 'required', why: { fr: 'Pour vous joindre.' } };
      return ['password', 'mode'];
    },
  },
  {
    name: 'credential field without credentials',
    apply: (p) => (p.credentials ? (delete p.credentials, ['credentials']) : null),
  },
  {
    name: 'emailProof to the contact step without one',
    apply: (p) => (p.emailProof && at(p, ['password']).mode === 'chosen' ? (delete p.contact, (p.emailProof as Json).to = 'contact', ['emailProof', 'to']) : null),
  },
  {
    name: 'deletion before deactivation',
    apply: (p) => ((p.eligibility = { inactivity: { deactivateAfterDays: 92, deleteAfterDays: 30 } }), ['eligibility', 'inactivity', 'deleteAfterDays']),
  },
  { name: 'unknown field in the login', apply: (p) => ((at(p, ['account']).loginTemplate = '{nickname}'), ['account', 'loginTemplate']) },
  {
    name: 'duplicate field key',
    apply: (p) => {
      const fields = at(p, ['identity']).fields as Json[];
      fields.push({ ...fields[0] });
      return ['identity', 'fields'];
    },
  },
];

const brokenProfileArb = fc
  .tuple(fc.constantFrom(...PROFILE_FILES), fc.constantFrom(...MUTATIONS))
  .map(([file, mutation]) => {
    const profile = structuredClone(originals.get(file)) as Json;
    return { file, mutation: mutation.name, path: mutation.apply(profile), profile };
  })
  .filter((case_): case_ is { file: string; mutation: string; path: string[]; profile: Json } => case_.path !== null);

describe('ProfileSchema', () => {
  it.each(PROFILE_FILES)('accepts %s as shipped', (file) => {
    expect(ProfileSchema.safeParse(originals.get(file)).success).toBe(true);
  });

  it('refuses every mutated profile at the mutated field', () => {
    fc.assert(
      fc.property(brokenProfileArb, ({ path, profile }) => {
        const parsed = ProfileSchema.safeParse(profile);
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(path.join('.'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the loaders refuse a broken file with its name, the field and the reason', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  beforeEach(() => {
    folder = makeTempFolder('sesame-profiles-');
  });
  afterEach(() => folder.remove());

  const loaders = [
    ['server (profile-registry)', (dir: string) => loadServerProfiles(dir)],
    ['kiosk (profile-loader)', (dir: string) => loadKioskProfiles(dir)],
  ] as const;

  it.each(loaders)('%s', (_name, load) => {
    fc.assert(
      fc.property(brokenProfileArb, ({ file, path, profile }) => {
        // A fresh folder per case, a valid neighbour first: the message must point at the broken one.
        const dir = mkdtempSync(join(folder.path, 'case-'));
        writeFileSync(join(dir, 'a-valid.json'), JSON.stringify(originals.get('cergy-etudiant.json')));
        writeFileSync(join(dir, `b-${file}`), JSON.stringify(profile));
        expect(() => load(dir)).toThrow(new RegExp(`b-${file}.*${path.join('\\.')} \\((required|format|length|tooLong|unknown|range|date)\\)`));
      }),
      { numRuns: 40 },
    );
  });

  it.each(loaders)('%s: a file that is not JSON', (_name, load) => {
    writeFileSync(join(folder.path, 'broken.json'), '{"id": "x",');
    expect(() => load(folder.path)).toThrow(/broken\.json.*not valid JSON/);
  });
});
