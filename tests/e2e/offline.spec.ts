import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { demoPerson, expect, test } from './fixtures';
import { checkScreen } from './support/screen-check';

/** A loopback port that nothing listens on: taken, then released. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  await new Promise<void>((closed) => server.close(() => closed()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

// A real terminal configuration whose enrollment server cannot be reached.
test.use({
  kioskLaunch: async ({ dataDir }, use) => {
    const configFile = join(dataDir, 'terminal-offline.json');
    const config = {
      terminalId: 'e2e-offline',
      mode: 'shared',
      locale: 'fr',
      profiles: ['cergy-etudiant'],
      idle: { timeoutS: 90, warningS: 20 },
      server: { url: `http://127.0.0.1:${await deadPort()}`, token: 'e2e-offline-token-0123456789abcdef0123' },
    };
    writeFileSync(configFile, JSON.stringify(config));
    await use({ configFile });
  },
});

test('the server cannot be reached: say so, offer to try again, keep what was typed', async ({ page, frame, welcome, identity, outcome }, testInfo) => {
  const person = demoPerson('eligible');
  // A terminal with one profile words Welcome from that profile, not from one institution's text.
  await expect(page.getByRole('main')).toContainText('Elle s’adresse à : Étudiant·e en 1re inscription à CY Cergy Paris Université.');
  await welcome.start();
  await identity.submitIdentity(person.identity);
  await expect(frame.heading).toHaveText('Le serveur ne répond pas');
  await expect(outcome.main).toContainText('Réessayez dans un instant, ou revenez plus tard.');
  await checkScreen(page, testInfo, 'offline');
  await outcome.retryButton.click();
  await expect(frame.heading).toHaveText('Vos informations');
  await expect(identity.firstName).toHaveValue(person.identity.firstName);
});
