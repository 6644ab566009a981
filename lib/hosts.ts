// The only origins Reglament touches; manifest, content scripts and sender checks share this list.
export const amocrmMatches = ['https://*.amocrm.ru/*', 'https://*.amocrm.com/*', 'https://*.kommo.com/*'];
export const instagramMatches = ['https://www.instagram.com/*'];

const amocrmHost = /^[a-z0-9-]+\.(amocrm\.ru|amocrm\.com|kommo\.com)$/i;

export function isAmocrmOrigin(origin: string): boolean {
  const url = safeUrl(origin);
  return !!url && url.protocol === 'https:' && amocrmHost.test(url.hostname);
}

/** The amoCRM host of a page URL (`smmpro.amocrm.com`), or null for any other site. */
export function amocrmHostOf(url: string | undefined): string | null {
  const parsed = url ? safeUrl(url) : null;
  return parsed && parsed.protocol === 'https:' && amocrmHost.test(parsed.hostname) ? parsed.hostname.toLowerCase() : null;
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

function safeUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
