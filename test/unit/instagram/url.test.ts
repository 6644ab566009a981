import { describe, expect, it } from 'vitest';
import { parseInstagramUrl, profilePath, profileUsername } from '@/lib/instagram/url';

describe('parseInstagramUrl', () => {
  it('finds a profile by its first segment, lower-cased', () => {
    expect(parseInstagramUrl('https://www.instagram.com/Zhanna_Cakes/')).toEqual({ kind: 'profile', username: 'zhanna_cakes' });
    expect(parseInstagramUrl('https://www.instagram.com/nomad_tours.kz')).toEqual({
      kind: 'profile',
      username: 'nomad_tours.kz',
    });
    expect(parseInstagramUrl('/beauty_lab.kz/?hl=ru#x')).toEqual({ kind: 'profile', username: 'beauty_lab.kz' });
    expect(parseInstagramUrl('https://www.instagram.com/fitzone_astana/reels/')).toEqual({
      kind: 'profile',
      username: 'fitzone_astana',
    });
    expect(parseInstagramUrl('https://www.instagram.com/fitzone_astana/tagged/')).toEqual({
      kind: 'profile',
      username: 'fitzone_astana',
    });
  });

  it.each(['p', 'reel', 'reels', 'stories', 'explore', 'direct', 'accounts', 'tv', 'live'])(
    'never takes the reserved segment /%s/ for a username',
    (segment) => {
      expect(parseInstagramUrl(`https://www.instagram.com/${segment}/`).kind).not.toBe('profile');
      expect(profileUsername(`https://www.instagram.com/${segment}/`)).toBeNull();
    },
  );

  it('knows the feed, Direct and post pages', () => {
    expect(parseInstagramUrl('https://www.instagram.com/')).toEqual({ kind: 'feed' });
    expect(parseInstagramUrl('https://www.instagram.com/direct/inbox/')).toEqual({ kind: 'direct' });
    expect(parseInstagramUrl('https://www.instagram.com/direct/t/3402823/')).toEqual({ kind: 'direct' });
    expect(parseInstagramUrl('https://www.instagram.com/p/CxYz12345_-/')).toEqual({
      kind: 'post',
      shortcode: 'CxYz12345_-',
      username: null,
    });
    expect(parseInstagramUrl('https://www.instagram.com/reel/CxYz12345/')).toEqual({
      kind: 'post',
      shortcode: 'CxYz12345',
      username: null,
    });
    expect(parseInstagramUrl('https://www.instagram.com/stories/zhanna_cakes/3400000001004123456/').kind).toBe('other');
    expect(parseInstagramUrl('https://www.instagram.com/explore/tags/almaty/').kind).toBe('other');
    expect(parseInstagramUrl('https://www.instagram.com/accounts/edit/').kind).toBe('other');
  });

  it('knows post and reel pages under the author: /{username}/p/{code}/ and /{username}/reel/{code}/', () => {
    expect(parseInstagramUrl('https://www.instagram.com/FitZone_Astana/p/DWllQsJCPX_/?img_index=1')).toEqual({
      kind: 'post',
      shortcode: 'DWllQsJCPX_',
      username: 'fitzone_astana',
    });
    expect(parseInstagramUrl('/nomad_tours.kz/reel/DVbPBu5AESi/')).toEqual({
      kind: 'post',
      shortcode: 'DVbPBu5AESi',
      username: 'nomad_tours.kz',
    });
    // Not a post: a missing code, a reserved first segment, a profile tab.
    expect(parseInstagramUrl('/fitzone_astana/p/').kind).toBe('other');
    expect(parseInstagramUrl('/explore/p/DWllQsJCPX_/').kind).toBe('other');
    expect(parseInstagramUrl('/fitzone_astana/reels/')).toEqual({ kind: 'profile', username: 'fitzone_astana' });
  });

  it('rejects other hosts, deep paths and non-usernames without throwing', () => {
    expect(parseInstagramUrl('https://smmpro.amocrm.ru/zhanna_cakes/').kind).toBe('other');
    expect(parseInstagramUrl('https://www.instagram.com/zhanna_cakes/followers/x/').kind).toBe('other');
    expect(parseInstagramUrl('https://www.instagram.com/bad-name/').kind).toBe('other');
    expect(parseInstagramUrl('https://www.instagram.com/a.very.long.username.that.is.too.long/').kind).toBe('other');
    expect(parseInstagramUrl('https://www.instagram.com/%E0%A4%A/').kind).toBe('other');
    expect(parseInstagramUrl('http://[::1').kind).toBe('other');
  });

  it('builds the path a profile opens at', () => {
    expect(profilePath('@Zhanna_Cakes')).toBe('/zhanna_cakes/');
  });
});
