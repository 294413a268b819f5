import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../electron/embedded/data-dir';
import { parseLaunchOptions } from '../../../electron/embedded/launch-options';

describe('parseLaunchOptions', () => {
  it('has the defaults of a kiosk', () => {
    expect(parseLaunchOptions([], {})).toEqual({ ok: true, options: { shell: 'auto', open: true, port: 0 } });
  });

  it('reads every flag', () => {
    const parsed = parseLaunchOptions(
      ['--data-dir', '/srv/sesame', '--shell', 'browser', '--no-open', '--port', '8123', '--idle-timeout', '10', '--idle-warning', '5', '--config', '/etc/sesame/terminal.json'],
      {},
    );
    expect(parsed).toEqual({
      ok: true,
      options: { dataDir: '/srv/sesame', shell: 'browser', open: false, port: 8123, idleTimeoutS: 10, idleWarningS: 5, configFile: '/etc/sesame/terminal.json' },
    });
  });

  it('reads the environment, flags winning over it', () => {
    const env = { SESAME_DATA_DIR: '/env/dir', SESAME_SHELL: 'electron', SESAME_NO_OPEN: '1' };
    expect(parseLaunchOptions([], env)).toMatchObject({ ok: true, options: { dataDir: '/env/dir', shell: 'electron', open: false } });
    expect(parseLaunchOptions(['--data-dir=/flag/dir', '--shell=browser'], env)).toMatchObject({ ok: true, options: { dataDir: '/flag/dir', shell: 'browser' } });
  });

  it.each([
    [['--shell', 'firefox']],
    [['--port', '70000']],
    [['--port', 'eighty']],
    [['--idle-timeout', '-5']],
    [['--idle-timeout', '1.5']],
    [['--unknown']],
    [['stray']],
  ])('refuses %j', (argv) => {
    expect(parseLaunchOptions(argv, {}).ok).toBe(false);
  });

  it('tolerates the switches Electron adds, when not strict', () => {
    const parsed = parseLaunchOptions(['--no-sandbox', 'out/main/index.js', '--data-dir', '/d'], {}, { strict: false });
    expect(parsed).toMatchObject({ ok: true, options: { dataDir: '/d' } });
  });
});

describe('resolveDataDir', () => {
  it('takes the flag (or SESAME_DATA_DIR folded into it) first', () => {
    expect(resolveDataDir('/srv/sesame', {}, 'linux', '/home/ana')).toBe('/srv/sesame');
  });

  it('uses the per-user folder of each platform, never the working directory', () => {
    expect(resolveDataDir(undefined, {}, 'linux', '/home/ana')).toBe('/home/ana/.local/share/sesame');
    expect(resolveDataDir(undefined, { XDG_DATA_HOME: '/xdg' }, 'linux', '/home/ana')).toBe('/xdg/sesame');
    expect(resolveDataDir(undefined, {}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Sesame');
    expect(resolveDataDir(undefined, { APPDATA: 'C:/Users/ana/AppData/Roaming' }, 'win32', 'C:/Users/ana')).toMatch(/Roaming[\\/]Sesame$/);
  });
});
