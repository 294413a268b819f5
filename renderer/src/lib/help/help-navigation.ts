import type { HelpAction, HelpNode, HelpTree } from '../../../../shared/schemas/help-schema';
import type { Contact, Profile } from '../../../../shared/schemas/profile-schema';
import type { LocalizedText } from '../../../../shared/schemas/localized-text-schema';
import { assistanceContact } from '../contact/profile-contacts';

/**
 * The guided help as plain data: where the person is in a profile's tree (a history stack of node
 * ids, so "Retour" goes back the way they came) and what a node offers. The tree is the
 * profile's, validated at start-up (help-schema.ts); nothing here knows one institution.
 */
export type HelpStack = readonly string[];

export function nodeOf(tree: HelpTree, id: string | undefined): HelpNode | undefined {
  return tree.nodes.find((node) => node.id === id);
}

export function startOf(tree: HelpTree): HelpStack {
  return [tree.start];
}

/** Follows a choice; a target the tree does not hold leaves the person where they are. */
export function follow(tree: HelpTree, stack: HelpStack, next: string): HelpStack {
  return nodeOf(tree, next) ? [...stack, next] : stack;
}

/** One step back; the start stays (the way out of the help is "Reprendre" or "Quitter"). */
export function back(stack: HelpStack): HelpStack {
  return stack.length > 1 ? stack.slice(0, -1) : stack;
}

/** Actions that are something to read (an address, a person) and those that are buttons. */
export type InfoAction = Extract<HelpAction, { kind: 'contact' | 'portal' }>;
export type ButtonAction = Exclude<HelpAction, InfoAction>;

export function splitActions(node: HelpNode): { info: InfoAction[]; buttons: ButtonAction[] } {
  const info: InfoAction[] = [];
  const buttons: ButtonAction[] = [];
  for (const action of node.actions ?? []) {
    if (action.kind === 'contact' || action.kind === 'portal') info.push(action);
    else buttons.push(action);
  }
  return { info, buttons };
}

export interface ContactToShow {
  contact: Contact;
  note?: LocalizedText | undefined;
}

/** The nodes reachable from `from` by choices, `from` included, each once, nearest first. */
export function subtreeOf(tree: HelpTree, from: readonly HelpNode[]): HelpNode[] {
  const seen = new Set(from.map((node) => node.id));
  const queue = [...from];
  for (let index = 0; index < queue.length; index += 1) {
    for (const choice of queue[index]?.choices ?? []) {
      const next = nodeOf(tree, choice.next);
      if (next && !seen.has(next.id)) {
        seen.add(next.id);
        queue.push(next);
      }
    }
  }
  return queue;
}

/**
 * Who to see when a recovery email never comes (idf-lycee seed, "ET SI ?… l'adresse mail
 * renseignée est incorrecte. Dans ce cas, adressez-vous au professeur principal… ou au lycée"),
 * read from the help data: the contacts the tree names on the node that offers this recovery and
 * below it; the profile's assistance when the tree names nobody there.
 */
export function noMailContacts(profile: Profile, kind: 'password' | 'identifier'): ContactToShow[] {
  const tree = profile.help;
  const offering = tree?.nodes.filter((node) => node.actions?.some((action) => action.kind === 'recovery' && action.recovery === kind)) ?? [];
  const found = new Map<string, ContactToShow>();
  for (const node of tree ? subtreeOf(tree, offering) : []) {
    for (const action of node.actions ?? []) {
      const contact = action.kind === 'contact' ? profile.contacts[action.contact] : undefined;
      if (action.kind === 'contact' && contact && !found.has(action.contact)) found.set(action.contact, { contact, note: action.note });
    }
  }
  if (found.size > 0) return [...found.values()];
  const fallback = assistanceContact(profile);
  return fallback ? [{ contact: fallback }] : [];
}
