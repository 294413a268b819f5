import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local CAS-like identity provider and ENT on loopback, for the portal view (issue 4,
 * LOCKDOWN.md #15). Like a real CAS it offers "Se souvenir de moi" (`rememberMe`) and then sets
 * a long-lived ticket-granting cookie, honours `publicWorkstation`, and ends the single sign-on
 * only when /cas/logout is called with that cookie. The ENT behind it sets a persistent session
 * cookie by header and two cookies with an expiry from script. It records what it was sent.
 */
export interface CasLogin {
  username: string;
  rememberMe: string | null;
  publicWorkstation: string | null;
}

export interface CasPage {
  origin: string;
  logins: CasLogin[];
  /** The ticket-granting cookie each logout call carried ('' when none). */
  logouts: string[];
  close(): Promise<void>;
}

const TWO_WEEKS_S = 14 * 24 * 3600;
const YEAR_S = 365 * 24 * 3600;

function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title>${script}</head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

function cookies(request: IncomingMessage): Map<string, string> {
  const found = new Map<string, string>();
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name) found.set(name, value.join('='));
  }
  return found;
}

async function form(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startCasPage(): Promise<CasPage> {
  const logins: CasLogin[] = [];
  const logouts: string[] = [];
  let origin = '';
  let tickets = 0;

  function html(response: ServerResponse, body: string, headers: Record<string, string | string[]> = {}): void {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-frame-options': 'DENY', 'content-security-policy': "frame-ancestors 'none'", ...headers });
    response.end(body);
  }

  function redirect(response: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
    response.writeHead(302, { location, ...headers });
    response.end();
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const jar = cookies(request);
    if (url.pathname === '/cas/login' && request.method === 'POST') {
      const fields = await form(request);
      const login = { username: fields.get('username') ?? '', rememberMe: fields.get('rememberMe'), publicWorkstation: fields.get('publicWorkstation') };
      logins.push(login);
      tickets += 1;
      const lifetime = login.rememberMe === 'true' && login.publicWorkstation !== 'true' ? `; Max-Age=${TWO_WEEKS_S}; Expires=${new Date(Date.now() + TWO_WEEKS_S * 1000).toUTCString()}` : '';
      const service = fields.get('service') ?? `${origin}/ent/`;
      return redirect(response, `${service}?ticket=ST-${tickets}`, { 'set-cookie': `TGC=TGT-${tickets}-${login.username}; Path=/cas; HttpOnly${lifetime}` });
    }
    if (url.pathname === '/cas/login') {
      const service = url.searchParams.get('service') ?? `${origin}/ent/`;
      return html(response, page('Service central d’authentification', `
        <form method="post" action="${origin}/cas/login">
          <input type="hidden" name="service" value="${service}">
          <p><label for="username">Identifiant</label> <input id="username" name="username" autocomplete="off"></p>
          <p><label for="password">Mot de passe</label> <input id="password" name="password" type="password"></p>
          <p><input type="checkbox" id="rememberMe" name="rememberMe" value="true"> <label for="rememberMe">Se souvenir de moi</label></p>
          <p><button type="submit">Se connecter</button></p>
        </form>
        <p><a href="${origin}/cas/away">Aide en ligne</a></p>`));
    }
    if (url.pathname === '/cas/away') return redirect(response, 'https://elsewhere.example/aide');
    if (url.pathname === '/cas/logout') {
      logouts.push(jar.get('TGC') ?? '');
      return html(response, page('Déconnexion', '<p>Vous êtes déconnecté.</p>'), { 'set-cookie': 'TGC=; Path=/cas; Max-Age=0' });
    }
    if (url.pathname === '/ent/' && url.searchParams.has('ticket')) {
      return redirect(response, `${origin}/ent/`, { 'set-cookie': `ENTSESSION=${url.searchParams.get('ticket') ?? ''}; Path=/; Max-Age=${YEAR_S}; HttpOnly` });
    }
    if (url.pathname === '/ent/') {
      if (!jar.has('ENTSESSION')) return redirect(response, `${origin}/cas/login?service=${encodeURIComponent(`${origin}/ent/`)}`);
      const script = `<script>document.cookie = 'ent_prefs=contraste; max-age=${YEAR_S}; path=/'; document.cookie = 'ent_seen=1; expires=Fri, 31 Dec 2037 23:59:59 GMT; path=/ent/';</script>`;
      return html(response, page('Bienvenue sur votre ENT', '<p>Vos cours, vos notes et votre messagerie.</p>', script));
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('404');
  }

  const server = createServer((request, response) => {
    route(request, response).catch(() => {
      response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    logins,
    logouts,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
