import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from '../../../../electron/embedded/launch-options';

describe('launcher flags of issue 6', () => {
  it('reads --mode and --staff-lock', () => {
    expect(parseLaunchOptions(['--mode', 'desk', '--staff-lock', '30'], {})).toMatchObject({ ok: true, options: { mode: 'desk', staffLockS: 30 } });
    expect(parseLaunchOptions(['--mode=assisted'], {})).toMatchObject({ ok: true, options: { mode: 'assisted' } });
  });

  it.each([[['--mode', 'kiosk']], [['--staff-lock', '5']], [['--staff-lock', '4000']], [['--terminal-id', 'borne-2']]])('refuses %j', (argv) => {
    expect(parseLaunchOptions(argv, {})).toMatchObject({ ok: false });
  });
});
