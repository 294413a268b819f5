/**
 * The Chromium every browser test drives: Debian's build (no browser download here), or
 * CHROMIUM_PATH. The switches keep a headless run off this machine's closed network and quiet.
 */
export const TEST_CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const TEST_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,TranslateUI',
];
