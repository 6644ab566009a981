// The one host predicate: stored clients, the token's account, senders and the team reader share it.
import { describe, expect, it } from 'vitest';
import { amocrmAccountOrigin, isAmocrmHost, isAmocrmOrigin } from '../../../lib/hosts';
import { createAmoClient, nextPath } from '../../../lib/amocrm/client';

describe('amoCRM hosts', () => {
  it.each(['smmpro.amocrm.ru', 'smm-pro.amocrm.com', 'a1.kommo.com'])('accepts %s', (host) => {
    expect(isAmocrmHost(host)).toBe(true);
    expect(isAmocrmOrigin(`https://${host}`)).toBe(true);
  });
  it.each([
    'attacker.example',
    'smmpro.amocrm.ru.evil.com',
    'evil.com/.amocrm.ru',
    'amocrm.ru',
    'a.b.amocrm.ru',
    '-x.amocrm.ru',
    'SMMPRO.AMOCRM.RU',
    'smmpro.amocrm.ru:8443',
    '',
  ])('refuses %s', (host) => expect(isAmocrmHost(host)).toBe(false));
  it('refuses http, ports and credentials in origins', () => {
    expect(isAmocrmOrigin('http://smmpro.amocrm.ru')).toBe(false);
    expect(isAmocrmOrigin('https://smmpro.amocrm.ru:8443')).toBe(false);
    expect(amocrmAccountOrigin('https://user:pw@smmpro.amocrm.ru')).toBeNull();
  });
  it('turns what a person types into the account origin', () => {
    expect(amocrmAccountOrigin('smmpro')).toBe('https://smmpro.amocrm.ru');
    expect(amocrmAccountOrigin(' SmmPro.Kommo.com ')).toBe('https://smmpro.kommo.com');
    expect(amocrmAccountOrigin('https://smmpro.amocrm.ru/leads/detail/1')).toBe('https://smmpro.amocrm.ru');
    expect(amocrmAccountOrigin('attacker.example')).toBeNull();
    expect(amocrmAccountOrigin('smmpro.amocrm.ru.attacker.example')).toBeNull();
  });
  it('keeps path and query of an absolute URL, never its origin', () => {
    const o = 'https://smmpro.amocrm.ru';
    expect(nextPath('https://attacker.example/api/v4/leads?page=2', o)).toBe('/api/v4/leads?page=2');
    expect(nextPath('//attacker.example/api/v4/x', o)).toBe('/api/v4/x');
    expect(nextPath('/api/v4/leads?page=3', o)).toBe('/api/v4/leads?page=3');
    expect(nextPath('https://attacker.example/steal', o)).toBeNull();
  });
});

describe('amoCRM API client', () => {
  it('refuses to be pointed at anything but an amoCRM account', () => {
    const signal = new AbortController().signal;
    expect(() => createAmoClient({ origin: 'https://attacker.example', token: 't', signal })).toThrow(/Not an amoCRM account/);
    expect(() => createAmoClient({ origin: 'https://smmpro.amocrm.ru/x', token: 't', signal })).toThrow();
  });
  it('sends an absolute `_links.next` to the bound origin with its path and query only', async () => {
    const urls: string[] = [];
    const next = { _links: { next: { href: 'https://attacker.example/api/v4/leads?page=2' } } };
    const client = createAmoClient({
      origin: 'https://smmpro.amocrm.ru',
      token: 'secret',
      signal: new AbortController().signal,
      maxPages: 2,
      fetch: (async (url: string) => (urls.push(url), new Response(JSON.stringify(next), { status: 200 }))) as typeof fetch,
    });
    for await (const page of client.pages('/api/v4/leads')) expect(page).toEqual(next);
    expect(urls).toEqual(['https://smmpro.amocrm.ru/api/v4/leads', 'https://smmpro.amocrm.ru/api/v4/leads?page=2']);
  });
});
