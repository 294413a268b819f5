import type { KioskBridge } from '../../../shared/contract/kiosk-api';

/**
 * What the shell tests touch of a page, typed without the DOM lib (tsconfig.json is the Node
 * side). Use inside `page.evaluate` as `(globalThis as unknown as PageGlobals)`: the cast is
 * erased, so the serialised function reads the page's own globals.
 */
export interface PageGlobals {
  kiosk: KioskBridge;
  require?: unknown;
  process?: unknown;
  module?: unknown;
  location: { href: string };
  open(url: string, target?: string): unknown;
  document: {
    body: { dataset: Record<string, string | undefined>; append(node: unknown): void };
    createElement(tag: 'script'): { textContent: string | null };
  };
}
