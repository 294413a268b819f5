import type { Profile } from '../../shared/schemas/profile-schema';
import { institutionOf, renderMail } from './mail-layout';
import type { MailMessage } from './mailer';

export interface HelpRequestEmailInput {
  profile: Profile;
  /** The school's address (`contacts[helpForm.recipient].email`). */
  to: string;
  reference: string;
  topicLabel: string;
  request: { name: string; email: string; phone?: string | undefined; message: string };
}

/**
 * The parents' form of the ENT 77 seed ("remplir le formulaire … afin d'obtenir de l'aide"),
 * sent to the school in French whatever language the parent used; Reply-To is the parent, so
 * the school answers them directly.
 */
export function helpRequestEmail(input: HelpRequestEmailInput): MailMessage {
  const { request } = input;
  return renderMail({
    to: input.to,
    replyTo: request.email,
    locale: 'fr',
    subject: `Demande d'aide ENT ${input.reference} — ${input.topicLabel}`,
    blocks: [
      { kind: 'text', text: 'Bonjour,' },
      {
        kind: 'text',
        text: `Un parent a rempli le formulaire d'aide à une borne Sésame (${institutionOf(input.profile, 'fr')}). Répondez à ce message : la réponse lui parviendra directement.`,
      },
      {
        kind: 'list',
        items: [
          `Référence : ${input.reference}`,
          `Sujet : ${input.topicLabel}`,
          `Nom : ${request.name}`,
          `Adresse électronique : ${request.email}`,
          ...(request.phone ? [`Téléphone : ${request.phone}`] : []),
        ],
      },
      { kind: 'text', text: `Message :\n${request.message}` },
    ],
  });
}
