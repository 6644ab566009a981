// The one host list: the match patterns (manifest, content scripts, tab queries) and the host
// checks (senders, open tabs) name the same three account domains.
import { describe, expect, it } from 'vitest';
import { amocrmHostOf, amocrmMatches, amocrmTabHost, isAmocrmOrigin } from '@/lib/hosts';
import { subdomainOfUrl } from '@/lib/options/amocrm-check';

const domainsOf = (patterns: string[]) => patterns.map((p) => /^https:\/\/\*\.([^/]+)\/\*$/.exec(p)?.[1]);

describe('amoCRM hosts', () => {
  it('every match pattern is an account domain the host checks accept, and nothing else is', () => {
    const domains = domainsOf(amocrmMatches);
    expect(domains).toEqual(['amocrm.ru', 'amocrm.com', 'kommo.com']);
    for (const d of domains) {
      expect(isAmocrmOrigin(`https://smmpro.${d}`)).toBe(true);
      expect(amocrmHostOf(`https://smmpro.${d}/leads/detail/1`)).toBe(`smmpro.${d}`);
      expect(amocrmHostOf(`http://smmpro.${d}/`)).toBeNull();
    }
    expect(amocrmHostOf('https://smmpro.amocrm.ru.evil.example/')).toBeNull();
    expect(amocrmHostOf('https://www.instagram.com/coffee/')).toBeNull();
  });

  it('finds an open *.amocrm.com or *.kommo.com account tab, not only *.amocrm.ru', () => {
    expect(amocrmTabHost([{ url: 'https://www.instagram.com/' }, { url: 'https://agency.amocrm.com/leads/' }])).toBe(
      'agency.amocrm.com',
    );
    expect(amocrmTabHost([{}, { url: 'https://agency.kommo.com/' }])).toBe('agency.kommo.com');
    expect(amocrmTabHost([{ url: 'chrome://newtab/' }])).toBeNull();
    expect(subdomainOfUrl('https://Agency.Kommo.com/leads/')).toBe('agency');
  });
});
