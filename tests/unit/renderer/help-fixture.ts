import { readFileSync } from 'node:fs';
import { ProfileSchema, type Profile } from '../../../shared/schemas/profile-schema';

/**
 * A profile with a small help tree of our own (the demo profiles' trees are content and change):
 * a question, a password-recovery path with an "ET SI ?" node naming two contacts, an identifier
 * recovery that names nobody, and the parents' form. Parsed by the real schema, so it is valid.
 */
const base = JSON.parse(readFileSync('resources/profiles/idf-lycee.json', 'utf8')) as Record<string, unknown>;

export const helpProfile: Profile = ProfileSchema.parse({
  ...base,
  startsWith: 'help',
  recovery: { password: { fields: ['login'] }, identifier: { fields: [] } },
  helpForm: { recipient: 'lycee', topics: [{ id: 'activation', label: { fr: 'Activer mon compte' } }, { id: 'password', label: { fr: 'Mot de passe perdu' } }] },
  help: {
    start: 'letter',
    nodes: [
      {
        id: 'letter',
        title: { fr: 'Quel courrier avez-vous reçu ?' },
        choices: [
          { label: { fr: 'Identifiant et mot de passe provisoire' }, next: 'case-1' },
          { label: { fr: 'Identifiant seul' }, next: 'case-2' },
          { label: { fr: 'Aucun courrier' }, next: 'case-3' },
        ],
      },
      { id: 'case-1', title: { fr: 'Cas 1' }, actions: [{ kind: 'startActivation' }] },
      {
        id: 'case-2',
        title: { fr: 'Cas 2' },
        steps: [{ fr: 'Connectez-vous' }, { fr: 'Saisissez votre identifiant' }],
        actions: [{ kind: 'portal' }, { kind: 'recovery', recovery: 'password' }, { kind: 'helpForm' }],
        choices: [{ label: { fr: 'Je ne reçois pas de mail' }, next: 'no-mail' }],
      },
      {
        id: 'no-mail',
        title: { fr: 'ET SI ?…' },
        choices: [
          { label: { fr: 'Élève' }, next: 'pupil' },
          { label: { fr: 'Parent' }, next: 'parent' },
          { label: { fr: 'Recommencer' }, next: 'letter' },
        ],
      },
      { id: 'pupil', title: { fr: 'Élève' }, actions: [{ kind: 'contact', contact: 'professeurPrincipal' }] },
      { id: 'parent', title: { fr: 'Parent' }, actions: [{ kind: 'contact', contact: 'lycee', note: { fr: 'si vous êtes parent' } }] },
      { id: 'case-3', title: { fr: 'Cas 3' }, actions: [{ kind: 'recovery', recovery: 'identifier' }, { kind: 'contact', contact: 'lycee' }] },
    ],
  },
});
