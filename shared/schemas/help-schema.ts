import { z } from 'zod';
import { LocalizedTextSchema } from './localized-text-schema';

/**
 * A seed's troubleshooting ("Cas n°1/2/3", "Autres cas", "Je ne dispose pas de mes
 * identifiants", the parents' form) as a guided path: questions with choices, each path ending
 * in something the person can do at the kiosk or take away (a contact as text and QR code, the
 * portal, a recovery, the help form, the activation itself).
 */
const NodeIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,47}$/);

export const HelpActionSchema = z.discriminatedUnion('kind', [
  /** Back to this profile's activation (IDF case 1: the letter has an identifier and a password). */
  z.object({ kind: z.literal('startActivation'), label: LocalizedTextSchema.optional() }),
  /** One of the profile's `contacts`, shown with its email or URL as text and QR code. */
  z.object({ kind: z.literal('contact'), contact: z.string().max(32), note: LocalizedTextSchema.optional() }),
  /** An address to open elsewhere (the portal by default), as text and QR code, never a link. */
  z.object({ kind: z.literal('portal'), url: z.url({ protocol: /^https?$/ }).optional(), label: LocalizedTextSchema.optional() }),
  /** "Mot de passe oublié", "Identifiant oublié": answered the same way whether or not the person exists. */
  z.object({ kind: z.literal('recovery'), recovery: z.enum(['password', 'identifier']) }),
  /** The ENT 77 parents' form: the kiosk collects the request and the server sends it to the school. */
  z.object({ kind: z.literal('helpForm') }),
]);
export type HelpAction = z.infer<typeof HelpActionSchema>;

export const HelpChoiceSchema = z.object({ label: LocalizedTextSchema, next: NodeIdSchema });

export const HelpNodeSchema = z.object({
  id: NodeIdSchema,
  title: LocalizedTextSchema,
  body: LocalizedTextSchema.optional(),
  /** Numbered steps, in the seed's order. */
  steps: z.array(LocalizedTextSchema).max(12).optional(),
  choices: z.array(HelpChoiceSchema).max(8).optional(),
  actions: z.array(HelpActionSchema).max(6).optional(),
});
export type HelpNode = z.infer<typeof HelpNodeSchema>;

export const HelpTreeSchema = z
  .object({
    start: NodeIdSchema,
    nodes: z.array(HelpNodeSchema).min(1).max(64),
  })
  .superRefine((tree, ctx) => {
    const ids = tree.nodes.map((node) => node.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'duplicate node id' });
    if (!ids.includes(tree.start)) ctx.addIssue({ code: 'custom', path: ['start'], message: 'not a node id' });
    tree.nodes.forEach((node, index) => {
      node.choices?.forEach((choice, choiceIndex) => {
        if (!ids.includes(choice.next)) {
          ctx.addIssue({ code: 'custom', path: ['nodes', index, 'choices', choiceIndex, 'next'], message: `unknown node ${choice.next}` });
        }
      });
      // Every path ends in something to do: a node without choices must offer an action.
      if ((node.choices?.length ?? 0) === 0 && (node.actions?.length ?? 0) === 0) {
        ctx.addIssue({ code: 'custom', path: ['nodes', index, 'actions'], message: 'a node without choices needs an action' });
      }
    });
    const reached = new Set([tree.start]);
    for (let grown = true; grown; ) {
      grown = false;
      for (const node of tree.nodes) {
        if (!reached.has(node.id)) continue;
        for (const choice of node.choices ?? []) {
          if (!reached.has(choice.next)) {
            reached.add(choice.next);
            grown = true;
          }
        }
      }
    }
    tree.nodes.forEach((node, index) => {
      if (!reached.has(node.id)) ctx.addIssue({ code: 'custom', path: ['nodes', index, 'id'], message: 'unreachable from start' });
    });
  });
export type HelpTree = z.infer<typeof HelpTreeSchema>;

/** What "Mot de passe oublié" / "Identifiant oublié" ask for, by profile. */
export const RecoverySchema = z.object({
  /** Identity field keys to type (never a credential): the reset goes to the address on file. */
  password: z.object({ fields: z.array(z.string()).min(1).max(4) }).optional(),
  /** Identity field keys to type besides the personal email given at activation. */
  identifier: z.object({ fields: z.array(z.string()).max(4) }).optional(),
});
export type Recovery = z.infer<typeof RecoverySchema>;

/** The parents' help form (ENT 77): the topics offered and the contact that receives it. */
export const HelpFormSchema = z.object({
  recipient: z.string().max(32),
  topics: z
    .array(z.object({ id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), label: LocalizedTextSchema }))
    .min(1)
    .max(8),
});
export type HelpForm = z.infer<typeof HelpFormSchema>;
