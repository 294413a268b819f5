import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HelpActionSchema, HelpFormSchema, HelpTreeSchema, RecoverySchema } from '../../../shared/schemas/help-schema';
import type { HelpNode, HelpTree } from '../../../shared/schemas/help-schema';

/**
 * The help tree's own rules (issue 3: every troubleshooting path "ends in a concrete action"):
 * each broken tree is refused at the path that names what is wrong, and the shipped trees are
 * tight enough that removing any one node breaks them.
 */
const text = (fr: string) => ({ fr });

/** start → ask → (done | more); every leaf ends in an action. */
function validTree(): HelpTree {
  return {
    start: 'start',
    nodes: [
      { id: 'start', title: text('Quel courrier ?'), choices: [{ label: text('Cas 1'), next: 'ask' }] },
      {
        id: 'ask',
        title: text('Cas 1'),
        choices: [
          { label: text('Oui'), next: 'done' },
          { label: text('Non'), next: 'more' },
        ],
      },
      { id: 'done', title: text('Activer'), actions: [{ kind: 'startActivation' }] },
      { id: 'more', title: text('Autres cas'), actions: [{ kind: 'contact', contact: 'lycee' }] },
    ],
  };
}

/** The node at `index`, failing the test rather than asserting it exists. */
function nodeAt(tree: HelpTree, index: number): HelpNode {
  const node = tree.nodes[index];
  if (!node) throw new Error(`no node ${index}`);
  return node;
}

function issuePaths(tree: unknown): string[] {
  const parsed = HelpTreeSchema.safeParse(tree);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

describe('HelpTreeSchema', () => {
  it('accepts a tree whose every leaf ends in an action', () => {
    expect(HelpTreeSchema.safeParse(validTree()).success).toBe(true);
  });

  it('refuses a choice leading to a node that does not exist, at that choice', () => {
    const tree = validTree();
    nodeAt(tree, 1).choices = [{ label: text('Oui'), next: 'done' }, { label: text('Non'), next: 'nowhere' }];
    expect(issuePaths(tree)).toContain('nodes.1.choices.1.next');
  });

  it('refuses a node without choices and without an action, at its actions', () => {
    const tree = validTree();
    const done = nodeAt(tree, 2);
    delete done.actions;
    expect(issuePaths(tree)).toEqual(['nodes.2.actions']);
    done.actions = [];
    done.choices = [];
    expect(issuePaths(tree)).toEqual(['nodes.2.actions']);
  });

  it('refuses a node no path from start reaches, at its id', () => {
    const tree = validTree();
    tree.nodes.push({ id: 'orphan', title: text('Seul'), actions: [{ kind: 'helpForm' }] });
    expect(issuePaths(tree)).toEqual(['nodes.4.id']);
  });

  it('refuses a start that is not a node, and a duplicate id', () => {
    expect(issuePaths({ ...validTree(), start: 'debut' })).toContain('start');
    const tree = validTree();
    nodeAt(tree, 3).id = 'done';
    expect(issuePaths(tree)).toContain('nodes');
  });

  it('refuses node ids and sizes outside the contract', () => {
    const tree = validTree();
    nodeAt(tree, 3).id = 'Autres cas';
    expect(issuePaths(tree)).toContain('nodes.3.id');
    expect(issuePaths({ start: 'start', nodes: [] })).toContain('nodes');
  });
});

describe('HelpActionSchema', () => {
  it('takes a portal address as http(s) only, and the two recovery kinds only', () => {
    expect(HelpActionSchema.safeParse({ kind: 'portal', url: 'https://ent.iledefrance.fr' }).success).toBe(true);
    expect(HelpActionSchema.safeParse({ kind: 'portal', url: 'javascript:alert(1)' }).success).toBe(false);
    expect(HelpActionSchema.safeParse({ kind: 'recovery', recovery: 'identifier' }).success).toBe(true);
    expect(HelpActionSchema.safeParse({ kind: 'recovery', recovery: 'code' }).success).toBe(false);
    expect(HelpActionSchema.safeParse({ kind: 'call', contact: 'lycee' }).success).toBe(false);
  });
});

describe('RecoverySchema and HelpFormSchema', () => {
  it('asks at least one field for a password reset, possibly none besides the email for an identifier', () => {
    expect(RecoverySchema.safeParse({ password: { fields: [] } }).success).toBe(false);
    expect(RecoverySchema.safeParse({ identifier: { fields: [] } }).success).toBe(true);
  });

  it('needs at least one topic with a well-formed id', () => {
    expect(HelpFormSchema.safeParse({ recipient: 'aideParents', topics: [] }).success).toBe(false);
    expect(HelpFormSchema.safeParse({ recipient: 'aideParents', topics: [{ id: 'Activer', label: text('Activer') }] }).success).toBe(false);
  });
});

describe('the shipped help trees', () => {
  const trees = readdirSync('resources/profiles')
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name, (JSON.parse(readFileSync(join('resources/profiles', name), 'utf8')) as { help: HelpTree }).help] as const);

  it.each(trees)('%s: removing any one node is refused (no dead weight, no dangling path)', (_name, help) => {
    expect(HelpTreeSchema.safeParse(help).success).toBe(true);
    for (const node of help.nodes) {
      const without = { ...help, nodes: help.nodes.filter((other) => other !== node) };
      expect(HelpTreeSchema.safeParse(without).success, node.id).toBe(false);
    }
  });
});
