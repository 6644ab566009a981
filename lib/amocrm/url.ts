// Page checks as pure URL predicates (refined-github style).

/** The lead id of a deal card URL (`/leads/detail/{id}`), else null. */
export function leadIdOf(url: string): number | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = /^\/leads\/detail\/(\d{1,15})\/?$/.exec(path);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** `{host}:{leadId}` as the worker keys clients. */
export function clientIdOf(host: string, leadId: number): string {
  return `${host.toLowerCase()}:${leadId}`;
}

/** The deal card's address on the client's own account. */
export function dealUrl(client: { host: string; leadId: number }): string {
  return `https://${client.host}/leads/detail/${client.leadId}`;
}
