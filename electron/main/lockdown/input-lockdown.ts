import type { WebContents } from 'electron';
import { isBlockedShortcut } from './shortcut-policy';

/** Swallows reload, devtools, print, zoom and quit keys; no context menu (LOCKDOWN.md #8). */
export function lockInput(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input)) event.preventDefault();
  });
  contents.on('context-menu', (event) => event.preventDefault());
}
