import type { Contact, Profile } from '../../../../shared/schemas/profile-schema';

/**
 * The offices that can look a receipt reference up, by the role names the profiles give their
 * contacts, most direct first: cergy's scolarité, ENT 77's college, Scolarité Services' school
 * office, the IDF head teacher, then the IDF lycée. By name, not by position: the profiles reach
 * the kiosk as canonical JSON, whose keys are sorted.
 */
const FOLLOW_UP_ROLES = ['scolarite', 'etablissement', 'secretariat', 'professeurPrincipal', 'lycee'] as const;

/**
 * Where a person brings a pending receipt's reference if the activation never goes through
 * (issue 5). A contact that is only a web page (Montpellier's enrolment summary) cannot look a
 * reference up: none is named then, and the screen says the front desk.
 */
export function followUpContact(profile: Profile): Contact | undefined {
  return FOLLOW_UP_ROLES.map((role) => profile.contacts[role]).find((contact) => contact !== undefined && (contact.email !== undefined || contact.url === undefined));
}
