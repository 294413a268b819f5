import { expect, test } from './fixtures';
import { inPage } from './support/lockdown-probes';

/**
 * LOCKDOWN.md #1, #2, #6, #9 in real Chromium through the loopback shell: what page code can
 * reach, run, ask for and print there.
 */
test.describe('lockdown: what the page can do', () => {
  test('#1 require, process and module are undefined in the page (Chromium has no Node; Electron webPreferences are unit-tested, not run here)', async ({ page, welcome }) => {
    await expect(welcome.activateButton).toBeVisible();
    const globals = await inPage<string[]>(page, `['require', 'process', 'module', 'Buffer', 'electron'].map((name) => typeof globalThis[name])`);
    expect(globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  });

  test('#2 an injected inline script and an inline handler do not run (CSP)', async ({ page, welcome }) => {
    await expect(welcome.activateButton).toBeVisible();
    const outcome = await inPage<{ injected: string | null; violations: string[] }>(
      page,
      `(async () => {
        const violations = [];
        document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
        const script = document.createElement('script');
        script.textContent = 'window.__injected = "script"';
        document.body.append(script);
        const holder = document.createElement('div');
        holder.innerHTML = '<img src="/missing.png" onerror="window.__injected = \\'handler\\'">';
        document.body.append(holder);
        // Violations arrive as events: wait for both kinds rather than for a clock.
        await new Promise((resolve) => {
          const check = () => (new Set(violations).size >= 2 ? resolve() : setTimeout(check, 10));
          check();
        });
        return { injected: window.__injected ?? null, violations };
      })()`,
    );
    expect(outcome.injected).toBeNull();
    // The header and the build's <meta> each report: both directives are there, nothing else.
    expect(new Set(outcome.violations)).toEqual(new Set(['script-src-elem', 'script-src-attr']));
  });

  test('#6 camera, microphone, geolocation, clipboard-read answer "denied" (Permissions-Policy); notifications is not granted', async ({ page, welcome }) => {
    await expect(welcome.activateButton).toBeVisible();
    const states = await inPage<Record<string, string>>(
      page,
      `(async () => {
        const answers = {};
        for (const name of ['camera', 'microphone', 'geolocation', 'clipboard-read', 'notifications']) {
          answers[name] = (await navigator.permissions.query({ name })).state;
        }
        return answers;
      })()`,
    );
    expect(states).toMatchObject({ camera: 'denied', microphone: 'denied', geolocation: 'denied', 'clipboard-read': 'denied' });
    // Notifications has no Permissions-Policy feature; Chromium answers from its profile. Without
    // Electron's permission handlers, "not granted" is all the loopback shell can promise.
    expect(states['notifications']).not.toBe('granted');
  });

  test('#9 print() shows nothing, in the page and in a same-origin iframe (page guard; Chromium has no disableDialogs)', async ({ page, welcome }) => {
    await expect(welcome.activateButton).toBeVisible();
    const printed = await inPage<{ events: string[]; native: boolean[] }>(
      page,
      `(() => {
        const events = [];
        const frame = document.createElement('iframe');
        document.body.append(frame);
        const inner = frame.contentWindow;
        window.addEventListener('beforeprint', () => events.push('page'));
        inner.addEventListener('beforeprint', () => events.push('frame'));
        window.print();
        inner.print();
        const native = [window.print, inner.print].map((print) => /\\[native code\\]/.test(Function.prototype.toString.call(print)));
        frame.remove();
        return { events, native };
      })()`,
    );
    expect(printed).toEqual({ events: [], native: [false, false] });
  });
});
