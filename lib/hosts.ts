// The only origins Reglament touches; manifest, content scripts and sender checks share this list.
export const amocrmMatches = ['https://*.amocrm.ru/*', 'https://*.amocrm.com/*', 'https://*.kommo.com/*'];
export const instagramMatches = ['https://www.instagram.com/*'];

const amocrmHost = /^[a-z0-9-]+\.(amocrm\.ru|amocrm\.com|kommo\.com)$/i;

export function isAmocrmOrigin(origin: string): boolean {
  const url = safeUrl(origin);
  return !!url && url.protocol === 'https:' && amocrmHost.test(url.hostname);
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
