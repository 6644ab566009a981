// Which amoCRM account the worker talks to, and with what. With a stored token the answer is the
// token's own account origin, whatever the settings or the stored clients say: nothing a backup,
// a page or an API answer can change sends the token anywhere else. Without a token the worker
// uses the browser's amoCRM session on an account host that passes the same predicate as the
// content scripts (lib/hosts.ts).
import { amocrmAccountOrigin, isAmocrmHost, isAmocrmOrigin } from '../hosts';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';

export interface AmoAccount {
  /** `https://smmpro.amocrm.ru` */
  origin: string;
  host: string;
  /** The long-lived token bound to `origin`; null = the browser's session. */
  token: string | null;
}

/** The stored token with the origin it is bound to; null when there is none (or it predates binding). */
export async function boundToken(db: Db): Promise<{ token: string; origin: string } | null> {
  const stored = await repo.getMeta(db, 'amoToken');
  if (!stored?.origin || !isAmocrmOrigin(stored.origin)) return null;
  return { token: stored.token, origin: stored.origin };
}

/**
 * The account to read: the token's; else the subdomain setting (a stored client of that subdomain
 * names the domain), the most common stored client host, an open amoCRM tab — hosts failing the
 * predicate are never considered.
 */
export async function resolveAccount(
  db: Db,
  subdomain: string,
  findHost?: () => Promise<string | null>,
): Promise<AmoAccount | null> {
  const bound = await boundToken(db);
  if (bound) return { origin: bound.origin, host: new URL(bound.origin).host, token: bound.token };
  const counts = new Map<string, number>();
  for (const c of await repo.listClients(db)) if (isAmocrmHost(c.host)) counts.set(c.host, (counts.get(c.host) ?? 0) + 1);
  const hosts = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([h]) => h);
  const sub = subdomain.trim().toLowerCase();
  const host = sub ? (hosts.find((h) => h.startsWith(`${sub}.`)) ?? sub) : (hosts[0] ?? (await findHost?.()) ?? null);
  const origin = host === null ? null : amocrmAccountOrigin(host);
  return origin ? { origin, host: new URL(origin).host, token: null } : null;
}
