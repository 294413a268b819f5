import type { Locator, Page } from '@playwright/test';

/**
 * The diagnosis screen (issue 6): the status in the heading, the advice, the facts, one control
 * per allowed action, the secret shown once, and the hand-over.
 */
export class StaffDiagnosisPage {
  readonly heading: Locator;
  readonly advice: Locator;
  readonly facts: Locator;
  readonly announcement: Locator;
  readonly error: Locator;
  readonly issued: Locator;
  readonly secretHandedOverButton: Locator;
  readonly handOverButton: Locator;
  readonly newSearchButton: Locator;
  readonly idDocument: Locator;
  readonly idCheckButton: Locator;
  readonly issueButton: Locator;
  readonly resendButton: Locator;
  readonly newEmail: Locator;
  readonly correctEmailButton: Locator;
  readonly liftThrottleButton: Locator;
  readonly reactivateButton: Locator;
  readonly confirmDialog: Locator;
  /** What waits for an identity check in this case (issue 6), listed, not offered. */
  readonly afterIdCheck: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Dossier : / });
    this.advice = page.getByRole('region', { name: 'Que faire' });
    this.facts = page.getByRole('region', { name: 'Le dossier' });
    this.announcement = page.getByRole('status').filter({ hasNotText: 'Mode assisté' }).first();
    this.error = page.getByRole('alert');
    this.issued = page.getByRole('region', { name: 'À transmettre à la personne' });
    this.secretHandedOverButton = page.getByRole('button', { name: 'Code transmis' });
    this.handOverButton = page.getByRole('button', { name: 'Continuer avec la personne' });
    this.newSearchButton = page.getByRole('button', { name: 'Nouvelle recherche' });
    this.idDocument = page.getByLabel('Document présenté');
    this.idCheckButton = page.getByRole('button', { name: 'Enregistrer la vérification' });
    this.issueButton = page.getByRole('button', { name: /^Émettre un nouveau (code|mot de passe provisoire)$/ });
    this.resendButton = page.getByRole('button', { name: 'Renvoyer le mail' });
    this.newEmail = page.getByLabel('Nouvelle adresse mail');
    // "…et envoyer" when an activation or reset email waits and follows the new address.
    this.correctEmailButton = page.getByRole('button', { name: /^Enregistrer (et envoyer|l’adresse)$/ });
    this.liftThrottleButton = page.getByRole('button', { name: 'Lever le blocage' });
    this.reactivateButton = page.getByRole('button', { name: 'Réactiver le compte' });
    this.confirmDialog = page.getByRole('dialog');
    this.afterIdCheck = page.getByRole('list', { name: 'Après la vérification de la pièce d’identité :' });
  }

  /** The value shown for one fact ("Paiement", "Courrier", "Bloqué jusqu’au"…). */
  fact(label: string): Locator {
    return this.facts.locator('div', { has: this.page.getByRole('term').getByText(label, { exact: true }) }).getByRole('definition');
  }

  async checkId(document: string): Promise<void> {
    await this.idDocument.selectOption({ label: document });
    await this.idCheckButton.click();
  }

  async correctEmail(email: string): Promise<void> {
    await this.newEmail.fill(email);
    await this.correctEmailButton.click();
  }

  async reactivate(): Promise<void> {
    await this.reactivateButton.click();
    await this.confirmDialog.getByRole('button', { name: 'Oui, réactiver' }).click();
  }
}
