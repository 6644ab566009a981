// The one host predicate: stored clients, the token's account, senders and the team reader share it.
import { describe, expect, it } from 'vitest';
import { amocrmAccountOrigin, isAmocrmHost, isAmocrmOrigin, urlOnOrigin } from '../../../lib/hosts';
import { createTeamReader } from '../../../lib/amocrm/team/reader';

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
    expect(urlOnOrigin(o, 'https://attacker.example/api/v4/leads?page=2')).toBe(`${o}/api/v4/leads?page=2`);
    expect(urlOnOrigin(o, '//attacker.example/x')).toBe(`${o}/x`);
    expect(urlOnOrigin(o, '/api/v4/leads?page=3')).toBe(`${o}/api/v4/leads?page=3`);
  });
});

describe('team reader', () => {
  it('refuses to be pointed at anything but an amoCRM account', () => {
    const signal = new AbortController().signal;
    expect(() => createTeamReader({ origin: 'https://attacker.example', token: 't', signal })).toThrow(/Not an amoCRM account/);
    expect(() => createTeamReader({ origin: 'https://smmpro.amocrm.ru/x', token: 't', signal })).toThrow();
  });
  it('sends an absolute `_links.next` to the bound origin with its path and query only', async () => {
    const urls: string[] = [];
    const reader = createTeamReader({
      origin: 'https://smmpro.amocrm.ru',
      token: 'secret',
      signal: new AbortController().signal,
      fetch: (async (url: string) => (urls.push(url), new Response('{}', { status: 200 }))) as typeof fetch,
    });
    await reader.get('https://attacker.example/api/v4/leads?page=2');
    expect(urls).toEqual(['https://smmpro.amocrm.ru/api/v4/leads?page=2']);
  });
});
