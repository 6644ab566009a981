// The options page's name check, read by the worker from the fake amoCRM (in process).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../lib/amocrm/rate-limit';
import { openStore } from '../../../lib/store/db';
import * as repo from '../../../lib/store/repo';
import { createAccountCheck } from '../../../lib/worker/amocrm-account';
import { createAmocrmFake } from '../../fakes/amocrm/index';
import { createSeed } from '../../fakes/seed';

async function setup(options: { subdomain?: string; token?: string; tokenOrigin?: string } = {}) {
  const fake = createAmocrmFake(createSeed(Date.parse('2026-12-07T06:00:00Z')));
  const db = await openStore(`account-${Math.random().toString(36).slice(2)}`);
  if (options.subdomain !== undefined) await repo.setSettings(db, { amocrm: { subdomain: options.subdomain } });
  if (options.token)
    await repo.setMeta(db, 'amoToken', {
      token: options.token,
      setAt: 0,
      origin: options.tokenOrigin ?? 'https://smmpro.amocrm.ru',
    });
  const seen: Record<string, string>[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    const headers = Object.fromEntries(
      Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    seen.push(headers);
    if (!new URL(url).host.startsWith('smmpro.')) return new Response('<h1>404</h1>', { status: 404 });
    const res = await fake.handle({ method: 'GET', url, headers });
    return new Response(res.body, { status: res.status, headers: res.headers });
  }) as typeof globalThis.fetch;
  const check = createAccountCheck({
    db: async () => db,
    fetch,
    bucket: () => new TokenBucket({ capacity: 100, perSecond: 100 }),
    findHost: async () => null,
  });
  return { check, seen };
}

describe('amocrm.account', () => {
  it('reads pipelines and fields with the stored token, which never leaves the worker', async () => {
    const { check, seen } = await setup({ subdomain: 'smmpro', token: 'secret-token-1' });
    const r = await check();
    expect(r.ok && r.host).toBe('smmpro.amocrm.ru');
    expect(r.ok && r.auth).toBe('token');
    expect(r.ok && r.account.pipelines.flatMap((p) => p.statuses)).toContain('Получена анкета');
    expect(r.ok && r.account.fields.map((f) => f.name)).toContain('Дата начала обслуживания');
    expect(seen.every((h) => h.authorization === 'Bearer secret-token-1')).toBe(true);
    expect(JSON.stringify(r)).not.toContain('secret-token-1');
  });

  it('says unauthorized without a token or session, unreachable for another account, no-host when nothing names one', async () => {
    expect(await (await setup({ subdomain: 'smmpro' })).check()).toMatchObject({
      ok: false,
      reason: 'unauthorized',
      status: 401,
      host: 'smmpro.amocrm.ru',
    });
    const nosuch = await setup({ subdomain: 'smmpro', token: 't-123456789', tokenOrigin: 'https://nosuch.amocrm.ru' });
    expect(await nosuch.check()).toMatchObject({
      ok: false,
      reason: 'unreachable',
      status: 404,
      host: 'nosuch.amocrm.ru',
    });
    expect(await (await setup()).check()).toMatchObject({ ok: false, reason: 'no-host', host: null });
  });

  it('sends the token only to the account it is bound to, whatever the subdomain setting says', async () => {
    const { check, seen } = await setup({ subdomain: 'other', token: 'secret-token-1' });
    expect(await check()).toMatchObject({ ok: true, host: 'smmpro.amocrm.ru', auth: 'token' });
    expect(seen.length).toBeGreaterThan(0);
  });

  it('does not use a token stored before tokens were bound to an account', async () => {
    const { check, seen } = await setup({ subdomain: 'smmpro', token: 'secret-token-1', tokenOrigin: '' });
    expect(await check()).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect(seen.every((h) => h.authorization === undefined)).toBe(true);
  });
});
