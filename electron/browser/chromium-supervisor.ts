import { z } from 'zod';
import { parseWith } from '../../shared/contract/parse';
import type { DevToolsClient } from './chromium-devtools';
import { SESSION_COOKIE } from './launch-gate';

/**
 * What the loopback shell could not do from outside Chromium, done over the DevTools pipe:
 * - LOCKDOWN.md #10: a crashed renderer ("Aw, snap" in kiosk mode) comes back at step 1, empty:
 *   the session is ended in the core first, then the page is loaded again from the start URL.
 *   A hung one (a page that no longer answers) is crashed on purpose, then recovered the same way.
 * - LOCKDOWN.md #14, #20: after a session, the HTTP cache is cleared and the whole cookie jar,
 *   HttpOnly cookies included (which the page's own check cannot see), is emptied and counted.
 */
export interface ShellWipeCheck {
  /** Cookies deleted, the kiosk's own session cookie never among them. */
  cleared: number;
  /** Cookies other than the kiosk's own still present after the deletion: non-zero = failed wipe. */
  left: number;
}

export interface ChromiumSupervisorOptions {
  client: DevToolsClient;
  /** Any URL of the kiosk page (the one-time launch URL will do): its origin is the kiosk's. */
  kioskUrl: string;
  /** The session must be wiped in the core before the page comes back (LOCKDOWN.md #10). */
  onCrash(): Promise<void> | void;
  /** The page could not be reloaded after a crash: the shell should stop for its supervisor. */
  onRecoveryFailed?(): void;
  /** How often the page is asked to answer, and how long it has (a hang, LOCKDOWN.md #10). */
  liveness?: { everyMs: number; timeoutMs: number };
}

const LIVENESS = { everyMs: 10_000, timeoutMs: 5_000 };

export interface ChromiumSupervisor {
  /** The DevTools session of the kiosk page once attached (tests crash it through this). */
  pageSession(): Promise<string>;
  afterSessionEnd(): Promise<ShellWipeCheck>;
  close(): void;
}

const TargetInfoSchema = z.object({
  targetId: z.string().max(128),
  type: z.string().max(64),
  url: z.string().max(8192),
});
const TargetEventSchema = z.object({ targetInfo: TargetInfoSchema });
const AttachResultSchema = z.object({ sessionId: z.string().min(1).max(128) });
const CrashedSchema = z.object({ targetId: z.string().max(128) });
const DetachedSchema = z.object({ sessionId: z.string().max(128) });
const CookieSchema = z.object({
  name: z.string(),
  domain: z.string(),
  path: z.string(),
  // CHIPS cookies are deleted only with their partition key; passed back as Chromium gave it.
  partitionKey: z.record(z.string(), z.union([z.string(), z.boolean()])).optional(),
});
const CookiesSchema = z.object({ cookies: z.array(CookieSchema).max(10_000) });
type Cookie = z.infer<typeof CookieSchema>;

interface PageTarget {
  targetId: string;
  sessionId: string;
}

export async function startChromiumSupervisor(options: ChromiumSupervisorOptions): Promise<ChromiumSupervisor> {
  const { client } = options;
  const kiosk = new URL(options.kioskUrl);
  // The start URL, not the launch URL: its one-time code is spent, the session cookie remains.
  const startUrl = new URL('/', kiosk.origin).href;
  let page: PageTarget | null = null;
  let attaching = false;
  let recovering = false;
  let waiters: ((sessionId: string) => void)[] = [];
  let checks: Promise<unknown> = Promise.resolve();

  function isKioskPage(info: z.infer<typeof TargetInfoSchema>): boolean {
    if (info.type !== 'page') return false;
    return URL.canParse(info.url) && new URL(info.url).origin === kiosk.origin;
  }

  async function attach(targetId: string): Promise<void> {
    attaching = true;
    try {
      const attached = parseWith(AttachResultSchema, await client.send('Target.attachToTarget', { targetId, flatten: true }));
      if (!attached.ok) return;
      page = { targetId, sessionId: attached.data.sessionId };
      // Harmless where already on; some builds send Inspector.targetCrashed only once enabled.
      await client.send('Inspector.enable', {}, page.sessionId).catch(() => undefined);
      // A third layer behind the page guards and the portal frame's sandbox (LOCKDOWN.md #7): in
      // kiosk mode Chromium would save a download silently. Not separately proven: headless
      // Chromium, the only one tests run, denies downloads already.
      await client.send('Page.setDownloadBehavior', { behavior: 'deny' }, page.sessionId).catch(() => undefined);
      for (const resolve of waiters.splice(0)) resolve(page.sessionId);
    } catch {
      // The target went away while attaching; the next target event tries again.
    } finally {
      attaching = false;
    }
  }

  function onTarget(params: unknown): void {
    const event = parseWith(TargetEventSchema, params);
    if (!event.ok || page !== null || attaching || !isKioskPage(event.data.targetInfo)) return;
    void attach(event.data.targetInfo.targetId);
  }

  async function recover(): Promise<void> {
    const crashed = page;
    // Inspector.targetCrashed and Target.targetCrashed both report one crash: handle it once.
    if (crashed === null || recovering) return;
    recovering = true;
    try {
      await options.onCrash();
      await client.send('Page.navigate', { url: startUrl }, crashed.sessionId);
    } catch {
      options.onRecoveryFailed?.();
    } finally {
      recovering = false;
    }
  }

  /**
   * A hang: the page's main thread no longer answers a trivial evaluation in time. `Page.crash` is
   * served off that thread, so even a page stuck in a loop is crashed, and the crash path above
   * brings Welcome back.
   */
  const liveness = options.liveness ?? LIVENESS;
  let probing = false;
  async function checkLiveness(): Promise<void> {
    const current = page;
    if (current === null || recovering || probing) return;
    probing = true;
    try {
      const answered = await Promise.race([
        client.send('Runtime.evaluate', { expression: '1', returnByValue: true }, current.sessionId).then(() => true, () => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), liveness.timeoutMs)),
      ]);
      if (!answered && page === current && !recovering) {
        client.send('Page.crash', {}, current.sessionId).catch(() => undefined);
      }
    } finally {
      probing = false;
    }
  }
  const livenessTimer = setInterval(() => void checkLiveness(), liveness.everyMs);
  livenessTimer.unref();

  function forget(matches: (target: PageTarget) => boolean): void {
    if (page !== null && matches(page)) page = null;
  }

  const unsubscribe = [
    client.on('Target.targetCreated', onTarget),
    client.on('Target.targetInfoChanged', onTarget),
    client.on('Inspector.targetCrashed', (_params, sessionId) => {
      if (sessionId !== undefined && sessionId === page?.sessionId) void recover();
    }),
    client.on('Target.targetCrashed', (params) => {
      const event = parseWith(CrashedSchema, params);
      if (event.ok && event.data.targetId === page?.targetId) void recover();
    }),
    client.on('Target.detachedFromTarget', (params) => {
      const event = parseWith(DetachedSchema, params);
      if (event.ok) forget((target) => target.sessionId === event.data.sessionId);
    }),
    client.on('Target.targetDestroyed', (params) => {
      const event = parseWith(CrashedSchema, params);
      if (event.ok) forget((target) => target.targetId === event.data.targetId);
    }),
  ];
  // Discovery replays a targetCreated for every existing target, so the page already open is found.
  await client.send('Target.setDiscoverTargets', { discover: true });

  function isOwnCookie(cookie: Cookie): boolean {
    return cookie.name === SESSION_COOKIE && cookie.domain === kiosk.hostname;
  }

  /**
   * The page's session, not the browser's: under `--incognito` the page lives in an
   * off-the-record context that `Storage.getCookies` does not find (it answers with the empty
   * default jar, which would pass the check), while the page's Network domain sees its own jar.
   */
  async function readCookies(sessionId: string): Promise<Cookie[]> {
    const parsed = parseWith(CookiesSchema, await client.send('Network.getAllCookies', {}, sessionId));
    if (!parsed.ok) throw new Error('unexpected cookie list');
    return parsed.data.cookies;
  }

  async function wipeCheck(): Promise<ShellWipeCheck> {
    if (page === null) throw new Error('kiosk page not attached');
    const { sessionId } = page;
    await client.send('Network.clearBrowserCache', {}, sessionId);
    let cleared = 0;
    for (const cookie of await readCookies(sessionId)) {
      if (isOwnCookie(cookie)) continue;
      const { name, domain, path, partitionKey } = cookie;
      await client.send('Network.deleteCookies', partitionKey ? { name, domain, path, partitionKey } : { name, domain, path }, sessionId);
      cleared += 1;
    }
    const left = (await readCookies(sessionId)).filter((cookie) => !isOwnCookie(cookie)).length;
    return { cleared, left };
  }

  return {
    pageSession() {
      if (page !== null) return Promise.resolve(page.sessionId);
      return new Promise((resolve) => waiters.push(resolve));
    },
    afterSessionEnd() {
      // One check at a time: two endings in a row must not interleave their reads and deletions.
      const run = checks.then(wipeCheck, wipeCheck);
      checks = run.catch(() => undefined);
      return run;
    },
    close() {
      clearInterval(livenessTimer);
      for (const stop of unsubscribe) stop();
      waiters = [];
    },
  };
}
