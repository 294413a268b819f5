import { describe, expect, it } from 'vitest';
import { back, follow, nodeOf, noMailContacts, splitActions, startOf, subtreeOf } from '../../../renderer/src/lib/help/help-navigation';
import { helpProfile } from './help-fixture';

const tree = helpProfile.help ?? { start: 'none', nodes: [] };

describe('walking the help tree', () => {
  it('starts at the tree\'s start and goes back the way it came', () => {
    const start = startOf(tree);
    expect(start).toEqual(['letter']);
    const deeper = follow(tree, follow(tree, start, 'case-2'), 'no-mail');
    expect(deeper).toEqual(['letter', 'case-2', 'no-mail']);
    expect(back(deeper)).toEqual(['letter', 'case-2']);
    expect(back(back(deeper))).toEqual(['letter']);
  });

  it('stays at the start rather than leaving the tree, and ignores an unknown target', () => {
    expect(back(['letter'])).toEqual(['letter']);
    expect(follow(tree, ['letter'], 'nowhere')).toEqual(['letter']);
  });

  it('lists a subtree once each, even when a choice leads back up', () => {
    const from = nodeOf(tree, 'case-2');
    const ids = from ? subtreeOf(tree, [from]).map((node) => node.id) : [];
    expect(ids.slice(0, 4)).toEqual(['case-2', 'no-mail', 'pupil', 'parent']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('finds nodes by id', () => {
    expect(nodeOf(tree, 'case-3')?.title.fr).toBe('Cas 3');
    expect(nodeOf(tree, undefined)).toBeUndefined();
  });

  it('separates what to read (contacts, the portal) from what to press, in the tree\'s order', () => {
    const node = nodeOf(tree, 'case-2');
    if (!node) throw new Error('fixture');
    const { info, buttons } = splitActions(node);
    expect(info.map((action) => action.kind)).toEqual(['portal']);
    expect(buttons.map((action) => action.kind)).toEqual(['recovery', 'helpForm']);
  });
});

describe('who to see when the recovery email never comes', () => {
  it('names the contacts below the node offering the recovery, nearest first, with their notes', () => {
    const contacts = noMailContacts(helpProfile, 'password');
    expect(contacts.map((entry) => entry.contact.id)).toEqual(['professeur-principal', 'lycee']);
    expect(contacts[1]?.contact.email).toBe('campus.coulommiers@ac-creteil.fr');
    expect(contacts[1]?.note?.fr).toBe('si vous êtes parent');
  });

  it('names the contacts on the node itself too', () => {
    expect(noMailContacts(helpProfile, 'identifier').map((entry) => entry.contact.id)).toEqual(['lycee']);
  });

  it('falls back to the profile\'s assistance when the tree names nobody there', () => {
    const bare = { ...helpProfile, help: { start: 'only', nodes: [{ id: 'only', title: { fr: 'Seul' }, actions: [{ kind: 'recovery' as const, recovery: 'password' as const }] }] } };
    expect(noMailContacts(bare, 'password').map((entry) => entry.contact.id)).toEqual(['professeur-principal']);
  });
});
