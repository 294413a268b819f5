import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../electron/core/config/config-file-reader';
import { loadProfiles } from '../../../../electron/core/config/profile-loader';
import { loadTerminalConfig } from '../../../../electron/core/config/terminal-config-loader';
import { cergyProfile, PROFILES_DIR } from '../support/cergy-profile';
import { makeTempFolder } from '../support/temp-folder';
import { terminalConfigFor } from '../support/terminal-config';

const TOKEN = 'borne-test.0123456789abcdef0123456789abcdef';
const goodConfig = terminalConfigFor({ url: 'http://127.0.0.1:8080', token: TOKEN });

let folder: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  folder = makeTempFolder();
});
afterEach(() => folder.remove());

function writeJson(name: string, value: unknown): string {
  const file = join(folder.path, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

function caught(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadTerminalConfig', () => {
  it('returns a valid configuration', () => {
    expect(loadTerminalConfig(writeJson('terminal.json', goodConfig))).toEqual(goodConfig);
  });

  it('names the missing file', () => {
    const error = caught(() => loadTerminalConfig(join(folder.path, 'absent.json')));
    expect(error.message).toContain('absent.json');
    expect(error.message).toContain('ENOENT');
  });

  it('says the JSON is broken without quoting the file', () => {
    const file = writeJson('terminal.json', `{"server": {"token": "${TOKEN}"`);
    const error = caught(() => loadTerminalConfig(file));
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.message).not.toContain(TOKEN);
  });

  it('names every bad field and never its value', () => {
    const file = writeJson('terminal.json', {
      ...goodConfig,
      mode: 'kiosk',
      idle: { timeoutS: 10, warningS: 30 },
      server: { url: 'ftp://example.test', token: 'short-secret' },
    });
    const error = caught(() => loadTerminalConfig(file));
    expect(error.fields).toEqual(expect.arrayContaining(['mode', 'idle', 'server.url', 'server.token']));
    expect(error.message).toContain('server.token');
    expect(error.message).not.toContain('short-secret');
  });
});

describe('loadProfiles', () => {
  it('loads the shipped Cergy profile by id', () => {
    expect(loadProfiles(PROFILES_DIR, ['cergy-etudiant'])).toEqual([cergyProfile()]);
  });

  it('names the file and the field of a broken profile, even one not asked for', () => {
    mkdirSync(join(folder.path, 'profiles'));
    writeFileSync(join(folder.path, 'profiles', 'a.json'), JSON.stringify(cergyProfile()));
    const broken = { ...cergyProfile(), id: 'other', password: { mode: 'generated', length: 4 } };
    writeFileSync(join(folder.path, 'profiles', 'b.json'), JSON.stringify(broken));
    const error = caught(() => loadProfiles(join(folder.path, 'profiles'), ['cergy-etudiant']));
    expect(error.message).toContain('b.json');
    expect(error.fields).toEqual(['password.length']);
  });

  it('refuses an id that no file provides, and two files with one id', () => {
    mkdirSync(join(folder.path, 'profiles'));
    writeFileSync(join(folder.path, 'profiles', 'a.json'), JSON.stringify(cergyProfile()));
    expect(caught(() => loadProfiles(join(folder.path, 'profiles'), ['um-etudiant'])).message).toContain('um-etudiant');
    writeFileSync(join(folder.path, 'profiles', 'b.json'), JSON.stringify(cergyProfile()));
    expect(caught(() => loadProfiles(join(folder.path, 'profiles'))).message).toMatch(/duplicate profile id/);
  });
});
