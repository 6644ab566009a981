// The only origins Reglament touches; manifest, content scripts, sender checks, stored clients and
// the token's account all share this list and the predicates below.
export const amocrmMatches = ['https://*.amocrm.ru/*', 'https://*.amocrm.com/*', 'https://*.kommo.com/*'];
export const instagramMatches = ['https://www.instagram.com/*'];

const amocrmHostRe = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.(amocrm\.ru|amocrm\.com|kommo\.com)$/;

/** `smmpro.amocrm.ru` (lower case, no port): an amoCRM/Kommo account's host. */
export function isAmocrmHost(host: string): boolean {
  return amocrmHostRe.test(host);
}

export function isAmocrmOrigin(origin: string): boolean {
  const url = safeUrl(origin);
  return !!url && url.protocol === 'https:' && url.port === '' && isAmocrmHost(url.hostname);
}

/** The amoCRM host of a page URL (`smmpro.amocrm.com`), or null for any other site. */
export function amocrmHostOf(url: string | undefined): string | null {
  const parsed = url ? safeUrl(url) : null;
  return parsed && parsed.protocol === 'https:' && isAmocrmHost(parsed.hostname) ? parsed.hostname : null;
}

/** The first amoCRM account among open tabs (queried with `amocrmMatches`). */
export function amocrmTabHost(tabs: ReadonlyArray<{ url?: string }>): string | null {
  for (const tab of tabs) {
    const host = amocrmHostOf(tab.url);
    if (host) return host;
  }
  return null;
}

export function isInstagramOrigin(origin: string): boolean {
  const url = safeUrl(origin);
  return !!url && url.protocol === 'https:' && url.hostname === 'www.instagram.com';
}

/**
 * The account origin (`https://smmpro.amocrm.ru`) of what a person typed or a tab shows: a
 * subdomain (`smmpro`, taken as amocrm.ru), a host, an origin or any URL of the account. Null for
 * anything that is not an amoCRM/Kommo account.
 */
export function amocrmAccountOrigin(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (!v || v.length > 300) return null;
  const candidate = /^[a-z0-9-]+$/.test(v) ? `https://${v}.amocrm.ru` : /^[a-z]+:\/\//.test(v) ? v : `https://${v}`;
  const url = safeUrl(candidate);
  if (!url || url.username || url.password) return null;
  return isAmocrmOrigin(url.origin) ? url.origin : null;
}

function safeUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
