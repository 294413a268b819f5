import { describe, expect, it } from 'vitest';
import { findDebugSwitch } from '../../../electron/main/lockdown/debug-switch-policy';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/main/lockdown/navigation-policy';
import { isTrustedSender } from '../../../electron/main/lockdown/sender-policy';
import { isBlockedShortcut } from '../../../electron/main/lockdown/shortcut-policy';
import type { KeyInput } from '../../../electron/main/lockdown/shortcut-policy';

describe('isAppUrl (LOCKDOWN.md #3)', () => {
  it.each([APP_ENTRY_URL, 'app://sesame/', 'app://sesame/assets/index-abc.js?x=1#top', 'APP://sesame/index.html'])('allows our own page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'https://sesame/',
    'http://127.0.0.1/',
    'app://sesame.evil/',
    'app://evil.sesame/',
    'app://sesame@evil/',
    'app://user:pw@sesame/',
    'app://evil@sesame/',
    'app://sesame:8080/',
    'app://SESAME/',
    'app://sеsame/', // Cyrillic "е": an IDN look-alike
    'app://xn--ssame-3we/',
    'app://sesame%2eevil/',
    'app:sesame/index.html',
    'app:///sesame/',
    'blob:app://sesame/1234',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    '',
    ' app://sesame/',
    `app://sesame/${'a'.repeat(5000)}`,
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it.each([null, undefined, 42, {}, ['app://sesame/']])('refuses a non-string %j', (value) => {
    expect(isAppUrl(value)).toBe(false);
  });
});

describe('isTrustedSender (LOCKDOWN.md #13)', () => {
  it('accepts our page in the main frame only', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
  });

  it.each(['https://evil.example/', 'app://sesame.evil/', 'file:///tmp/x.html', 'about:blank', ''])('refuses a frame at %s', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

function key(key: string, modifiers: Partial<KeyInput> = {}): KeyInput {
  return { type: 'keyDown', key, control: false, meta: false, alt: false, shift: false, ...modifiers };
}

describe('isBlockedShortcut (LOCKDOWN.md #8)', () => {
  it.each([
    ['reload', key('r', { control: true })],
    ['hard reload', key('R', { control: true, shift: true })],
    ['close window', key('w', { control: true })],
    ['quit', key('q', { control: true })],
    ['macOS quit', key('q', { meta: true })],
    ['devtools', key('I', { control: true, shift: true })],
    ['devtools (mac)', key('i', { meta: true, alt: true })],
    ['print', key('p', { control: true })],
    ['new window', key('n', { control: true })],
    ['zoom in', key('+', { control: true })],
    ['find', key('f', { control: true })],
    ['view source', key('u', { control: true })],
    ['reload key', key('F5')],
    ['fullscreen key', key('F11')],
    ['devtools key', key('F12')],
    ['caret browsing', key('F7')],
    ['back', key('ArrowLeft', { alt: true })],
    ['forward', key('ArrowRight', { alt: true })],
    ['close (Alt+F4)', key('F4', { alt: true })],
    ['browser back key', key('BrowserBack')],
    ['paste as plain text', key('V', { control: true, shift: true })],
  ])('swallows %s', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(true);
  });

  it.each([
    ['a letter', key('a')],
    ['a capital', key('A', { shift: true })],
    ['an accented letter', key('é')],
    ['a digit', key('7')],
    ['Tab', key('Tab')],
    ['Shift+Tab', key('Tab', { shift: true })],
    ['Enter', key('Enter')],
    ['Backspace', key('Backspace')],
    ['an arrow', key('ArrowLeft')],
    ['copy', key('c', { control: true })],
    ['paste', key('v', { control: true })],
    ['select all (mac)', key('a', { meta: true })],
    ['undo', key('z', { control: true })],
    ['AltGr character', key('@', { alt: true })],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(false);
  });

  it('only judges key presses, not releases', () => {
    expect(isBlockedShortcut({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });
});

describe('findDebugSwitch (LOCKDOWN.md #12)', () => {
  it.each([
    ['--remote-debugging-port=9222', '--remote-debugging-port'],
    ['--remote-debugging-pipe', '--remote-debugging-pipe'],
    ['--inspect', '--inspect'],
    ['--inspect=0.0.0.0:9229', '--inspect'],
    ['--inspect-brk', '--inspect-brk'],
    ['--INSPECT-BRK=1', '--inspect-brk'],
    ['-inspect', '--inspect'],
    ['--js-flags=--allow-natives-syntax', '--js-flags'],
  ])('finds %s', (arg, expected) => {
    expect(findDebugSwitch(['/opt/sesame/sesame', arg])).toBe(expected);
  });

  it('lets our own flags and paths through', () => {
    expect(findDebugSwitch(['/opt/sesame/sesame', 'out/main/index.js', '--data-dir', '/srv/inspect', '--no-open', '--shell=electron'])).toBeNull();
  });
});
