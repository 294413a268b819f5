import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../../server/demo/demo-identities';
import { secretsLeft, testSecrets } from '../../e2e/support/secret-scan';
import { makeTempFolder } from '../core/support/temp-folder';

/** The e2e suite's after-test scan must see a clear leak, and not cry wolf inside sealed base64url. */
const camille = DEMO_IDENTITIES.find((person) => person.expected === 'eligible')?.identity;
let folder: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  folder = makeTempFolder();
  mkdirSync(join(folder.path, 'kiosk'));
});
afterEach(() => folder.remove());

describe('the kiosk secret scan', () => {
  it('finds a student number in a WAL file and a mailed code in the log, by label only', () => {
    writeFileSync(join(folder.path, 'kiosk', 'kiosk.sqlite-wal'), Buffer.from(`\u0000{"studentNumber":"${camille?.studentNumber}"}\u0000`, 'latin1'));
    const needles = testSecrets([{ to: ['camille@example.org'], subject: 'Code', text: 'Votre code : K7P-4QX' }]);
    const left = secretsLeft(join(folder.path, 'kiosk'), 'sent K7P-4QX to the server', needles);
    expect(left).toEqual(['kiosk log output: code mailed to camille@example.org', 'kiosk.sqlite-wal: studentNumber of eligible']);
    expect(left.join('\n')).not.toContain(camille?.studentNumber ?? '?');
  });

  it('finds a birth date typed either way, and a password the specs type', () => {
    const [year, month, day] = (camille?.birthDate ?? '').split('-');
    const left = secretsLeft(join(folder.path, 'absent'), `lookup ${day}/${month}/${year} with Vt3kq8Wz5Np2`, testSecrets([]));
    expect(left).toEqual(['kiosk log output: birthDate of eligible (dd/mm/yyyy)', 'kiosk log output: password typed in ent77-recovery.spec.ts']);
  });

  it('ignores a needle inside a longer base64url run, as a sealed body is', () => {
    writeFileSync(join(folder.path, 'kiosk', 'kiosk.sqlite'), `"ct":"Qz9${camille?.studentNumber}x_-A"`);
    expect(secretsLeft(join(folder.path, 'kiosk'), '', testSecrets([]))).toEqual([]);
  });
});
