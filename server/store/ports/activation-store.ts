export type ActivationState = 'pending' | 'active' | 'superseded';

export interface ActivationRow {
  id: string;
  profileId: string;
  lookupKey: string;
  terminalId: string;
  passwordHash: string;
  state: ActivationState;
  createdAt: string;
  expiresAt: string;
  activatedAt: string | null;
}

/** What a new activation is made of; it always starts `pending`, never activated. */
export type NewActivation = Omit<ActivationRow, 'state' | 'activatedAt'>;

export interface ActivationStore {
  /** A new activation for a person supersedes their pending ones: only the latest password can be confirmed. */
  insertActivation(activation: NewActivation): Promise<void>;
  findActivation(id: string): Promise<ActivationRow | undefined>;
  markActivationActive(id: string, activatedAt: string): Promise<void>;
  countActivations(): Promise<number>;
  /** Every activation of a person, before their never-activated record is deleted (parents seed: after a year). */
  deleteActivationsOf(profileId: string, lookupKey: string): Promise<void>;
  /**
   * A password reset ("mot de passe oublié"): the new password becomes the account's one `active`
   * activation, every earlier activation of the person (active or pending) is superseded.
   */
  insertResetActivation(row: Omit<ActivationRow, 'state'>): Promise<void>;
  /** The hash of the password the account has now (its `active` activation), if it was set through this server. */
  findActivePasswordHash(profileId: string, lookupKey: string): Promise<string | undefined>;
}
