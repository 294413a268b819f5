import { isAppUrl } from './navigation-policy';

/**
 * Whose IPC calls reach core (pure). Only our own page, in the window's main frame: a frame
 * that navigated elsewhere, an iframe, or a frame already gone (null) gets nothing
 * (LOCKDOWN.md #13).
 */
export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.isMainFrame === true && isAppUrl(frame.url);
}
