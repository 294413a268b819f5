import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HelpAction, HelpNode } from '../../../shared/schemas/help-schema';
import { ProfileSchema } from '../../../shared/schemas/profile-schema';
import type { Profile } from '../../../shared/schemas/profile-schema';

/**
 * Each seed's troubleshooting, shipped as the profile's help tree (issue 3: "Cas n°1/2/3",
 * "Autres cas", the parents' form become guided help ending in a concrete action). These tests
 * read the real files in resources/profiles/ and check both the references the schema refuses
 * and that the seed's own cases are there, leading where the seed says.
 */
type Json = Record<string, unknown>;
const IDS = ['cergy-etudiant', 'ent77-college', 'idf-lycee', 'um-etudiant', 'parents-scolarite'] as const;
type ProfileId = (typeof IDS)[number];

function raw(id: ProfileId): Json {
  return JSON.parse(readFileSync(`resources/profiles/${id}.json`, 'utf8')) as Json;
}
function load(id: ProfileId): Profile {
  return ProfileSchema.parse(raw(id));
}
function issuePaths(profile: Json): string[] {
  const parsed = ProfileSchema.safeParse(profile);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}
function nodeIndex(profile: Json, id: string): number {
  return ((profile.help as Json).nodes as Json[]).findIndex((node) => node.id === id);
}
function nodeOf(profile: Json, id: string): Json {
  return ((profile.help as Json).nodes as Json[])[nodeIndex(profile, id)] ?? {};
}

describe('ProfileSchema refuses help that names what the profile does not declare', () => {
  it('a contact action to an unknown contact, at the action', () => {
    const idf = raw('idf-lycee');
    nodeOf(idf, 'cas-3').actions = [{ kind: 'contact', contact: 'conseillerPrincipal' }];
    expect(issuePaths(idf)).toEqual([`help.nodes.${nodeIndex(idf, 'cas-3')}.actions.0`]);
  });

  it('a recovery action whose kind is not configured, at the action', () => {
    const ent77 = raw('ent77-college');
    delete ent77.recovery;
    const paths = issuePaths(ent77);
    expect(paths).toContain(`help.nodes.${nodeIndex(ent77, 'mot-de-passe-perdu')}.actions.0`);
    expect(paths).toContain(`help.nodes.${nodeIndex(ent77, 'code-utilise')}.actions.1`);
    const parents = raw('parents-scolarite');
    parents.recovery = { password: { fields: ['login'] } };
    expect(issuePaths(parents)).toEqual([`help.nodes.${nodeIndex(parents, 'identifiant-egare')}.actions.0`]);
  });

  it('a recovery asking for a secret or unknown field, at the field', () => {
    const parents = raw('parents-scolarite');
    parents.recovery = { password: { fields: ['login', 'letterPassword'] }, identifier: { fields: ['birthDate'] } };
    expect(issuePaths(parents)).toEqual(['recovery.password.fields.1', 'recovery.identifier.fields.0']);
  });

  it('a help form whose recipient has no email, or a helpForm action without a form', () => {
    const ent77 = raw('ent77-college');
    (ent77.helpForm as Json).recipient = 'etablissement';
    expect(issuePaths(ent77)).toEqual(['helpForm.recipient']);
    (ent77.helpForm as Json).recipient = 'personne';
    expect(issuePaths(ent77)).toEqual(['helpForm.recipient']);
    delete ent77.helpForm;
    expect(issuePaths(ent77)).toEqual([`help.nodes.${nodeIndex(ent77, 'parents')}.actions.0`]);
  });

  it('a profile without a help tree (every seed has troubleshooting), in zod and in the exported JSON Schema', () => {
    const um = raw('um-etudiant');
    delete um.help;
    expect(issuePaths(um)).toEqual(['help']);
    const fromFile = z.fromJSONSchema(JSON.parse(readFileSync('resources/schemas/profile.schema.json', 'utf8')) as Record<string, unknown>);
    expect(fromFile.safeParse(raw('um-etudiant')).success).toBe(true);
    expect(fromFile.safeParse(um).success).toBe(false);
  });
});

function nodeById(byId: Map<string, HelpNode>, id: string): HelpNode {
  const node = byId.get(id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

/** The actions met on every path from `start`, and proof that every path ends (no cycle). */
function pathsFrom(profile: Profile): HelpAction[][] {
  const byId = new Map(profile.help.nodes.map((node) => [node.id, node]));
  const paths: HelpAction[][] = [];
  const walk = (node: HelpNode, seen: string[], actions: HelpAction[]): void => {
    expect(seen, `cycle through ${node.id}`).not.toContain(node.id);
    const met = [...actions, ...(node.actions ?? [])];
    if (!node.choices?.length) {
      expect(node.actions?.length ?? 0, `leaf ${node.id}`).toBeGreaterThan(0);
      paths.push(met);
    }
    for (const choice of node.choices ?? []) walk(nodeById(byId, choice.next), [...seen, node.id], met);
  };
  walk(nodeById(byId, profile.help.start), [], []);
  return paths;
}

/** The actions offered at the end of the choice whose label contains `label` (French). */
function actionsBehind(profile: Profile, label: string): HelpAction[] {
  const byId = new Map(profile.help.nodes.map((node) => [node.id, node]));
  const parent = profile.help.nodes.find((node) => node.choices?.some((choice) => choice.label.fr.includes(label)));
  const next = parent?.choices?.find((choice) => choice.label.fr.includes(label))?.next;
  expect(next, `a choice "${label}"`).toBeDefined();
  return byId.get(next ?? '')?.actions ?? [];
}

function startLabels(profile: Profile): string[] {
  return profile.help.nodes.find((node) => node.id === profile.help.start)?.choices?.map((choice) => choice.label.fr) ?? [];
}

describe.each(IDS)('%s: the shipped help tree', (id) => {
  const profile = load(id);

  it('ends every path from start in an action, without cycles', () => {
    const paths = pathsFrom(profile);
    expect(paths.length).toBeGreaterThan(1);
    for (const actions of paths) expect(actions.length).toBeGreaterThan(0);
  });

  it('says everything in French and in English', () => {
    const texts = JSON.stringify(profile.help).match(/"fr":/g)?.length ?? 0;
    expect(JSON.stringify(profile.help).match(/"en":/g)?.length).toBe(texts);
  });
});

describe('the seeds\' cases, where the seed sends them', () => {
  it('idf-lycee starts with "which letter?" and its cases 1, 2, 3 and "Autres cas"', () => {
    const idf = load('idf-lycee');
    expect(idf.startsWith).toBe('help');
    expect(startLabels(idf).map((label) => label.split(' :')[0])).toEqual(['Cas 1', 'Cas 2', 'Cas 3', 'Autres cas']);
    expect(actionsBehind(idf, 'Cas 1')).toEqual([expect.objectContaining({ kind: 'startActivation' })]);
    expect(actionsBehind(idf, 'Cas 2')).toEqual([expect.objectContaining({ kind: 'portal', url: 'https://ent.iledefrance.fr' })]);
    expect(actionsBehind(idf, 'plusieurs tentatives')).toEqual([{ kind: 'recovery', recovery: 'password' }]);
    expect(actionsBehind(idf, 'Élève')).toEqual([expect.objectContaining({ kind: 'contact', contact: 'professeurPrincipal' })]);
    expect(actionsBehind(idf, 'Parent')).toEqual([expect.objectContaining({ kind: 'contact', contact: 'lycee' })]);
    expect(actionsBehind(idf, 'Cas 3')).toEqual([expect.objectContaining({ contact: 'professeurPrincipal' })]);
    expect(actionsBehind(idf, 'Autres cas').map((action) => action.kind === 'contact' && action.contact)).toEqual(['professeurPrincipal', 'lycee']);
  });

  it('cergy-etudiant has "Pour qui ?", "Quand ?", Cas n°1/2/3 and "Le problème persiste"', () => {
    const cergy = load('cergy-etudiant');
    expect(startLabels(cergy).map((label) => label.split(' :')[0])).toEqual(['Pour qui ?', 'Quand ?', 'Cas n°1', 'Cas n°2', 'Cas n°3', 'Le problème persiste']);
    expect(actionsBehind(cergy, 'Cas n°1')).toEqual([expect.objectContaining({ kind: 'startActivation' })]);
    expect(actionsBehind(cergy, 'Cas n°2')).toEqual([expect.objectContaining({ kind: 'portal', url: expect.stringContaining('reinscriptions.u-cergy.fr') })]);
    expect(actionsBehind(cergy, 'en attente de paiement')).toEqual([{ kind: 'contact', contact: 'scolarite' }]);
    expect(actionsBehind(cergy, 'Cas n°3').map((action) => action.kind)).toEqual(['portal', 'startActivation']);
    expect(actionsBehind(cergy, 'persiste')).toEqual([{ kind: 'contact', contact: 'assistance' }]);
  });

  it('ent77-college offers the parents\' form (with an email recipient) and the password recovery', () => {
    const ent77 = load('ent77-college');
    expect(actionsBehind(ent77, 'Parent')).toEqual([{ kind: 'helpForm' }]);
    expect(ent77.helpForm?.topics.map((topic) => topic.label.fr)).toEqual(['Activer mon compte', "J'ai perdu mon mot de passe"]);
    expect(ent77.contacts[ent77.helpForm?.recipient ?? '']?.email).toMatch(/@[a-z0-9.-]+\.example$/);
    expect(ent77.recovery).toEqual({ password: { fields: ['login'] } });
    expect(actionsBehind(ent77, 'perdu mon mot de passe')).toEqual([{ kind: 'recovery', recovery: 'password' }]);
    expect(JSON.stringify(actionsBehind(ent77, 'Se souvenir de moi'))).toContain('sans cocher');
  });

  it('um-etudiant makes this kiosk the "1ère connexion" and points to Aide for connection problems', () => {
    const um = load('um-etudiant');
    expect(actionsBehind(um, 'pas reçu le mail')).toEqual([expect.objectContaining({ kind: 'startActivation', label: expect.objectContaining({ fr: '1ère connexion' }) })]);
    expect(actionsBehind(um, 'problème de connexion')).toEqual([{ kind: 'contact', contact: 'assistance' }]);
    expect(actionsBehind(um, 'identifiant')).toEqual([{ kind: 'contact', contact: 'scolarite' }]);
  });

  it('parents-scolarite answers each question of the seed', () => {
    const parents = load('parents-scolarite');
    expect(parents.recovery).toEqual({ password: { fields: ['login'] }, identifier: { fields: ['childBirthDate'] } });
    expect(actionsBehind(parents, 'ne dispose pas de mes identifiants')).toEqual([{ kind: 'contact', contact: 'secretariat' }]);
    expect(actionsBehind(parents, 'égaré mon identifiant')).toEqual([{ kind: 'recovery', recovery: 'identifier' }]);
    expect(actionsBehind(parents, 'égaré mon mot de passe')).toEqual([{ kind: 'recovery', recovery: 'password' }]);
    expect(actionsBehind(parents, 'désactivé')).toEqual([{ kind: 'contact', contact: 'secretariat' }]);
    const texts = JSON.stringify(parents.help);
    expect(texts).toContain('3 mois');
    expect(texts).toContain("L'identifiant n'est pas modifiable");
  });

  it('the other profiles start with the identity form', () => {
    for (const id of IDS.filter((other) => other !== 'idf-lycee')) expect(load(id).startsWith).toBe('identity');
  });
});
