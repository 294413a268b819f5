import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { lockInput } from '../../../../electron/main/lockdown/input-lockdown';
import { fakeEvent, FakeWebContents } from '../../../support/fake-electron';

vi.mock('electron', () => import('../../../support/fake-electron'));

/**
 * LOCKDOWN.md #8: the keys that close, reload, quit or open devtools reach `before-input-event`
 * and are swallowed there; typing is not. The full key table is ../lockdown-policies.test.ts.
 */
interface Keys {
  key: string;
  control?: boolean;
  shift?: boolean;
  alt?: boolean;
  meta?: boolean;
}

function press(contents: FakeWebContents, keys: Keys, type = 'keyDown'): boolean {
  const event = fakeEvent({});
  const input = { type, code: '', isAutoRepeat: false, control: false, shift: false, alt: false, meta: false, ...keys };
  contents.emit('before-input-event', event, input);
  return event.defaultPrevented;
}

let contents: FakeWebContents;

beforeEach(() => {
  contents = new FakeWebContents();
  lockInput(contents as unknown as WebContents);
});

describe('before-input-event', () => {
  it.each<[string, Keys]>([
    ['Ctrl+W (close)', { key: 'w', control: true }],
    ['Ctrl+R (reload)', { key: 'r', control: true }],
    ['Ctrl+Shift+R (hard reload)', { key: 'R', control: true, shift: true }],
    ['F5 (reload)', { key: 'F5' }],
    ['Ctrl+Shift+I (devtools)', { key: 'I', control: true, shift: true }],
    ['Cmd+Alt+I (devtools, macOS)', { key: 'i', meta: true, alt: true }],
    ['F12 (devtools)', { key: 'F12' }],
    ['Alt+F4 (close window)', { key: 'F4', alt: true }],
    ['Ctrl+Q (quit)', { key: 'q', control: true }],
    ['Cmd+Q (quit, macOS)', { key: 'q', meta: true }],
    ['Ctrl+P (print dialog)', { key: 'p', control: true }],
    ['Ctrl+O (open file)', { key: 'o', control: true }],
    ['Alt+ArrowLeft (back)', { key: 'ArrowLeft', alt: true }],
    ['F11 (leave full screen)', { key: 'F11' }],
  ])('swallows %s', (_name, keys) => {
    expect(press(contents, keys)).toBe(true);
    expect(press(contents, keys, 'rawKeyDown')).toBe(true);
  });

  it.each<[string, Keys]>([
    ['a plain letter', { key: 'a' }],
    ['a capital letter', { key: 'E', shift: true }],
    ['a digit', { key: '7' }],
    ['an accented letter', { key: 'é' }],
    ['Backspace', { key: 'Backspace' }],
    ['Tab (next field)', { key: 'Tab' }],
    ['Enter', { key: 'Enter' }],
    ['Ctrl+V (paste into a field)', { key: 'v', control: true }],
  ])('lets %s through', (_name, keys) => {
    expect(press(contents, keys)).toBe(false);
  });
});

describe('context-menu', () => {
  it('shows no context menu, wherever the person right-clicks', () => {
    for (const params of [{ linkURL: 'https://evil.example/' }, { isEditable: true }, {}]) {
      const event = fakeEvent({});
      contents.emit('context-menu', event, params);
      expect(event.defaultPrevented).toBe(true);
    }
  });
});
