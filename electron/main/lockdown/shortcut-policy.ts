/**
 * Which keys the kiosk swallows (pure). Electron's default menu is gone, but Chromium still
 * binds reload, devtools, print, zoom, history and find to keys (LOCKDOWN.md #8). Rather than
 * list every bad combination, only typing and the editing shortcuts a form needs pass.
 */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** Copy, cut, paste, select all, undo, redo: what a person needs to fill a form. */
const EDITING_KEYS = new Set(['a', 'c', 'v', 'x', 'z', 'y']);
const BROWSER_KEYS = /^(F\d{1,2}|Browser\w+|Launch\w+|Help|Print|PrintScreen|ContextMenu|Zoom\w*|Close|New|Open|Save)$/;
const ALT_NAVIGATION = /^(ArrowLeft|ArrowRight|Home|F4|Tab)$/;

export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  if (BROWSER_KEYS.test(input.key)) return true;
  if (input.alt && ALT_NAVIGATION.test(input.key)) return true;
  if (input.control || input.meta) return input.shift || input.alt || !EDITING_KEYS.has(input.key.toLowerCase());
  return false;
}
