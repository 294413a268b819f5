import { expect, test } from './fixtures';
import { checkScreen } from './support/screen-check';

test('an empty form: a summary, one message per field, focus on the first', async ({ page, welcome, identity }, testInfo) => {
  await welcome.start();
  await identity.submit();
  await expect(identity.summaryEntries()).toHaveText([
    'Indiquez votre nom.',
    'Indiquez votre prénom.',
    'Date de naissance : indiquez-la en entier, jour, mois et année.',
    'Indiquez votre numéro étudiant (8 chiffres).',
  ]);
  await expect(identity.lastName).toBeFocused();
  await expect(identity.lastName).toHaveAttribute('aria-invalid', 'true');
  await expect(identity.lastName).toHaveAccessibleDescription(/Indiquez votre nom\./);
  await expect(identity.day).toHaveAccessibleDescription(/jour, mois et année/);
  await checkScreen(page, testInfo, 'identity-errors');

  // A summary entry moves focus to its field.
  await identity.summaryEntries().nth(3).click();
  await expect(identity.studentNumber).toBeFocused();
});

test('each wrong value gets its own French message', async ({ frame, welcome, identity }) => {
  await welcome.start();
  await identity.fill({ lastName: 'R2-D2', firstName: "Marie-Ève d'Arc", birthDate: '2006-02-31', studentNumber: '1234567' });
  await identity.submit();
  await expect(identity.summaryEntries()).toHaveText([
    'Nom : utilisez uniquement des lettres (accents acceptés), des espaces, des traits d’union ou des apostrophes.',
    'Cette date n’existe pas ou n’est pas possible. Vérifiez le jour, le mois et l’année.',
    'Numéro étudiant : il faut exactement 8 chiffres.',
  ]);
  // Accents, hyphens, apostrophes and spaces are accepted in names.
  await expect(identity.firstName).toHaveAttribute('aria-invalid', 'false');

  await identity.studentNumber.fill('12a45678');
  await identity.year.fill('06');
  await identity.submit();
  await expect(identity.studentNumber).toHaveAccessibleDescription(/uniquement des chiffres, sans espace ni lettre/);
  await expect(identity.day).toHaveAccessibleDescription(/année sur 4 chiffres/);
  await expect(frame.heading).toHaveText('Vos informations');
});

test('a field is checked when left after typing, and cleared as soon as it is fixed', async ({ welcome, identity }) => {
  await welcome.start();
  await identity.studentNumber.fill('123');
  await identity.lastName.focus();
  await expect(identity.studentNumber).toHaveAttribute('aria-invalid', 'true');
  await expect(identity.studentNumber).toHaveAccessibleDescription(/il faut exactement 8 chiffres/);
  await identity.studentNumber.fill('12345678');
  await expect(identity.studentNumber).toHaveAttribute('aria-invalid', 'false');
  // Tabbing through an empty field says nothing yet.
  await identity.firstName.focus();
  await identity.lastName.focus();
  await expect(identity.firstName).toHaveAttribute('aria-invalid', 'false');
});
