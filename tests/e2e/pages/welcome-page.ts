import type { Locator, Page } from '@playwright/test';
import type { HappyPathCounter } from '../support/happy-path-figures';
import { loadProfile } from '../support/profiles';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Welcome: one button per profile the terminal offers ("Vous êtes…", issue 3), each named by the
 * profile's persona (French or English) and followed by its title; a terminal with a single
 * profile shows just its title, as the skeleton did.
 */
export class WelcomePage {
  readonly activateButton: Locator;
  readonly helpButton: Locator;
  readonly personas: Locator;

  constructor(
    private readonly page: Page,
    private readonly counter?: HappyPathCounter,
  ) {
    this.activateButton = this.profileButton('cergy-etudiant');
    this.helpButton = page.getByRole('button', { name: /^(Besoin d’aide \?|Need help\?)$/ });
    this.personas = page.getByRole('list', { name: /^(Vous êtes…|You are…)$/ });
  }

  profileButton(profileId: string): Locator {
    const profile = loadProfile(profileId);
    // With several profiles the button starts with the persona; alone, it is the profile's title.
    const names = [profile.persona, profile.title].flatMap((text) => [text.fr, text.en ?? text.fr]).map(escapeRegExp);
    return this.page.getByRole('button', { name: new RegExp(`^(${names.join('|')})`) });
  }

  /** Starts a profile's session (CY Cergy by default, the skeleton's specs). */
  async start(profileId = 'cergy-etudiant'): Promise<void> {
    const button = this.profileButton(profileId);
    if (this.counter) await this.counter.tap(button);
    else await button.click();
  }

  async openHelp(): Promise<void> {
    await this.helpButton.click();
  }

  /** "Besoin d'aide ?", then "Vous êtes…" on a terminal with several profiles: a session in help mode. */
  async startHelp(profileId: string): Promise<void> {
    await this.openHelp();
    await this.start(profileId);
  }
}
