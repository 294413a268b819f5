/**
 * A client of one running kiosk's loopback API (`POST /api/<method>`), as the page's bridge
 * calls it: the one-time launch URL gives the session cookie, then each call is JSON.
 */
export interface KioskHttp {
  call<T = unknown>(method: string, input: unknown): Promise<T>;
}

export async function kioskSessionCookie(launchUrl: string): Promise<string> {
  const response = await fetch(launchUrl, { redirect: 'manual' });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`no session cookie from ${launchUrl} (status ${response.status})`);
  return cookie;
}

export async function connectKiosk(launchUrl: string): Promise<KioskHttp> {
  const origin = new URL(launchUrl).origin;
  const headers = { 'content-type': 'application/json', 'x-sesame-kiosk': '1', cookie: await kioskSessionCookie(launchUrl) };
  return {
    async call<T>(method: string, input: unknown): Promise<T> {
      const response = await fetch(`${origin}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
      const body = (await response.json()) as { ok: boolean; value?: T; error?: { code: string } };
      if (!body.ok) throw new Error(`${method} answered ${body.error?.code}`);
      return body.value as T;
    },
  };
}
