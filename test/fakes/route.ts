// Wires the fake amoCRM and Instagram into a Playwright browser context under their real URLs.
// Nothing leaves the machine: other amoCRM subdomains answer 404, the sites' CDNs are aborted.

import type { BrowserContext, Route } from '@playwright/test';
import { createSeed, type Seed } from './seed';
import { createAmocrmFake, type AmocrmFake, type AmocrmFakeOptions } from './amocrm/index';
import { createInstagramFake, type InstagramFake, type InstagramFakeOptions } from './instagram/index';
import type { FakeHandler } from './http';

export interface InstallFakesOptions {
  /** Epoch ms the seed is built around. Default: `Date.now()` (the demo is always live). */
  now?: number;
  extraLeads?: number;
  /** Use this seed instead of building one (then `now`/`extraLeads` are ignored). */
  seed?: Seed;
  amocrm?: AmocrmFakeOptions;
  instagram?: InstagramFakeOptions;
  /** Set the session cookies up front (default true); the pages also set them. */
  cookies?: boolean;
  /**
   * Serve this amoCRM fake instead of a new one: several browser contexts (two managers and a
   * head) then share one account's state. Its seed is used.
   */
  amocrmFake?: AmocrmFake;
  /** The amoCRM `session_id` cookie of this context (who it acts as, see AmocrmFakeOptions.sessionUsers). Default `fake`. */
  amoSession?: string;
}

export interface InstalledFakes {
  seed: Seed;
  amocrm: AmocrmFake;
  instagram: InstagramFake;
  /** Removes the routes. */
  uninstall(): Promise<void>;
}

async function fulfill(route: Route, handler: FakeHandler): Promise<void> {
  const request = route.request();
  let headers: Record<string, string>;
  try {
    headers = await request.allHeaders();
  } catch {
    headers = request.headers();
  }
  try {
    const res = await handler({ method: request.method(), url: request.url(), headers, body: request.postData() ?? undefined });
    await route.fulfill({ status: res.status, headers: res.headers, body: res.body });
  } catch (error) {
    // The page may have gone away while a slow fault was pending.
    if (!/closed|Target|disposed/i.test(String(error))) throw error;
  }
}

export async function installFakes(context: BrowserContext, options: InstallFakesOptions = {}): Promise<InstalledFakes> {
  const seed =
    options.amocrmFake?.seed ?? options.seed ?? createSeed(options.now ?? Date.now(), { extraLeads: options.extraLeads });
  const amocrm = options.amocrmFake ?? createAmocrmFake(seed, options.amocrm);
  const instagram = createInstagramFake(seed, options.instagram);

  const routes: Array<[string, (route: Route) => Promise<void>]> = [
    [
      'https://*.amocrm.ru/**',
      (route) => {
        const host = new URL(route.request().url()).host;
        if (host === seed.host) return fulfill(route, amocrm.handle);
        return route.fulfill({
          status: 404,
          contentType: 'text/html; charset=utf-8',
          body: '<!DOCTYPE html><title>404</title><h1>Аккаунт не найден</h1>',
        });
      },
    ],
    ['https://amocrm.ru/**', (route) => route.abort('blockedbyclient')],
    ['https://www.instagram.com/**', (route) => fulfill(route, instagram.handle)],
    // CDNs and other hosts of the two sites: never reach the network.
    ['https://*.instagram.com/**', (route) => route.abort('blockedbyclient')],
    ['https://*.cdninstagram.com/**', (route) => route.abort('blockedbyclient')],
    ['https://*.fbcdn.net/**', (route) => route.abort('blockedbyclient')],
    ['https://*.facebook.com/**', (route) => route.abort('blockedbyclient')],
    ['https://*.amocrm.com/**', (route) => route.abort('blockedbyclient')],
    ['https://*.kommo.com/**', (route) => route.abort('blockedbyclient')],
  ];
  // Later routes take precedence in Playwright; register the catch-alls first so the specific ones win.
  for (const [pattern, handler] of routes.slice().reverse()) await context.route(pattern, handler);

  if (options.cookies ?? true) {
    await context.addCookies([
      { name: 'session_id', value: options.amoSession ?? 'fake', domain: seed.host, path: '/', secure: true, sameSite: 'Lax' },
      {
        name: 'sessionid',
        value: `${seed.igViewer.id}%3Afake%3A1`,
        domain: '.instagram.com',
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
      },
      { name: 'csrftoken', value: 'fakecsrf0123456789', domain: '.instagram.com', path: '/', secure: true, sameSite: 'Lax' },
      { name: 'ds_user_id', value: seed.igViewer.id, domain: '.instagram.com', path: '/', secure: true, sameSite: 'Lax' },
    ]);
  }

  return {
    seed,
    amocrm,
    instagram,
    async uninstall() {
      for (const [pattern, handler] of routes) await context.unroute(pattern, handler);
    },
  };
}
