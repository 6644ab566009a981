// The fake Instagram web app `https://www.instagram.com`: SPA pages (profile, home feed, Direct,
// post, stories) and the web endpoints extensions use, as one pure request handler. Shaped after
// the evidence in docs/instagram.md: business accounts get the 400 of `web_profile_info` and are
// served by the user feed; pinned posts come first; media pks are JSON numbers above 2^53 in the
// raw text (so `JSON.parse` really loses digits) next to the exact string `id` "PK_OWNERID".

import {
  FaultSwitch,
  faultName,
  header,
  html,
  json,
  RequestLog,
  scriptJson,
  serializeFunctions,
  sleep,
  type Fault,
  type FaultRule,
  type FaultScope,
  type FakeRequest,
  type FakeResponse,
} from '../http';
import { ALMATY_OFFSET, DAY, igRelativeTime, unix } from '../time';
import { currentStories, profileByUsername, rng, type Seed, type SeedPost, type SeedProfile, type SeedStory } from '../seed';
import {
  igAvatarImg,
  igEsc,
  igIcon,
  igTileImg,
  igRenderDirect,
  igRenderHome,
  igRenderNav,
  igRenderNotFound,
  igRenderPage,
  igRenderPostArticle,
  igRenderProfile,
  igRenderStory,
  type IgDirectThreadVM,
  type IgNavVM,
  type IgPostVM,
  type IgProfileVM,
  type IgStoryVM,
  type IgTrayItemVM,
} from './templates';
import { IG_CSS } from './style';

export const IG_APP_ID = '936619743392459';
export const IG_RATE_LIMIT_MESSAGE = 'Please wait a few minutes before you try again.';
/** What `web_profile_info` answers (HTTP 400) for many business accounts since 2026 (instaloader#2731). */
export const IG_BUSINESS_SCHEMA_MESSAGE =
  'Asset asset://laser.provider/ig_business_category_subvertical has been deleted. You cannot use this schema';

/** First segments that are not usernames. */
export const IG_RESERVED = [
  'p',
  'reel',
  'reels',
  'stories',
  'explore',
  'direct',
  'accounts',
  'tv',
  'live',
  'api',
  'graphql',
  'static',
];

/** Posts shown on the profile grid (and in web_profile_info edges) before scrolling, as the real site. */
export const IG_GRID_SIZE = 12;

export interface InstagramFakeOptions {
  /** Faults active from the start (default scope: `/api/`). */
  faults?: FaultRule[];
  /** Clock for "current stories" and relative times. Default: `() => seed.now`. */
  clock?: () => number;
  /** Require the `x-ig-app-id` header on the web endpoints (400 otherwise). Default true. */
  requireAppId?: boolean;
  /** Delay (ms) before the SPA renders after pushState. Default 30. */
  spaRenderDelayMs?: number;
}

export interface InstagramFake {
  readonly origin: string;
  readonly seed: Seed;
  handle(req: FakeRequest): Promise<FakeResponse>;
  /** Sets or clears a fault; scope defaults to `{ pathPrefix: '/api/' }`. `setFault(null)` clears all. */
  setFault(fault: Fault | null, scope?: FaultScope): void;
  readonly requests: RequestLog;
  /** Publishes a post now (or at `takenAt`). */
  addPost(username: string, post?: Partial<SeedPost>): SeedPost;
  /** Publishes a story now (or at `takenAt`). */
  addStory(username: string, story?: Partial<SeedStory>): SeedStory;
}

function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

function count(n: number): string {
  if (n >= 10_000) return `${(n / 1000).toFixed(1).replace('.', ',').replace(',0', '')} тыс.`;
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

const MONTHS_SHORT = ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'];

function titleDate(ms: number): string {
  const d = new Date(ms + ALMATY_OFFSET);
  return `${d.getUTCDate()} ${MONTHS_SHORT[d.getUTCMonth()]} ${d.getUTCFullYear()} г.`;
}

/** Grid order: pinned first, then newest first; only what exists at `now`. */
export function gridPosts(profile: SeedProfile, now: number): SeedPost[] {
  const visible = profile.posts.filter((p) => p.takenAt <= now);
  return [
    ...visible.filter((p) => p.pinned).sort((a, b) => b.takenAt - a.takenAt),
    ...visible.filter((p) => !p.pinned).sort((a, b) => b.takenAt - a.takenAt),
  ];
}

/** A post's address: `/p/{code}/` in the home feed, `/{username}/p/{code}/` from the profile (reels alike). */
export function postHref(p: SeedPost, username?: string): string {
  return `${username ? `/${username}` : ''}/${p.isVideo ? 'reel' : 'p'}/${p.shortcode}/`;
}

/** The media pk of a post (19 digits, above 2^53), stable per shortcode. */
export function postPk(profile: SeedProfile, p: SeedPost): string {
  let h = 0n;
  for (const c of p.shortcode) h = (h * 131n + BigInt(c.charCodeAt(0))) % 1_000_000_000_000n;
  return String(3_300_000_000_000_000_000n + (BigInt(profile.id) % 1000n) * 1_000_000_000_000n + h);
}

/** A JSON number written into the raw text as digits (see {@link rawJson}). */
const bigNumber = (digits: string) => `#big#${digits}`;

/** JSON whose {@link bigNumber} markers become bare digits: the text a real answer carries. */
function rawJson(status: number, data: unknown, extra: Record<string, string> = {}): FakeResponse {
  const res = json(status, data, 'application/json; charset=utf-8', extra);
  return { ...res, body: String(res.body).replace(/"#big#(\d+)"/g, '$1') };
}

// --- view models -------------------------------------------------------------------------------

export function igNavVM(seed: Seed): IgNavVM {
  return { viewerUsername: seed.igViewer.username, viewerAvatarColor: '#3c5a99' };
}

export function igProfileVM(seed: Seed, profile: SeedProfile, now = seed.now): IgProfileVM {
  const posts = gridPosts(profile, now);
  const stories = currentStories(seed, profile, now);
  return {
    username: profile.username,
    fullName: profile.fullName,
    bio: profile.bio,
    avatarColor: profile.avatarColor,
    postsText: `${count(posts.length)} ${plural(posts.length, 'публикация', 'публикации', 'публикаций')}`,
    followersText: `${count(profile.followers)} ${plural(profile.followers, 'подписчик', 'подписчика', 'подписчиков')}`,
    followingText: `${count(profile.following)} ${plural(profile.following, 'подписка', 'подписки', 'подписок')}`,
    storyHref: stories.length ? `/stories/${profile.username}/${stories[stories.length - 1].pk}/` : '',
    isViewer: profile.username === seed.igViewer.username,
    tiles: posts.slice(0, IG_GRID_SIZE).map((p) => ({
      href: postHref(p, profile.username),
      alt: p.caption,
      color: p.color,
      label: p.caption.slice(0, 16),
      isVideo: p.isVideo,
      pinned: p.pinned,
    })),
  };
}

export function igPostVM(profile: SeedProfile, p: SeedPost, now: number, withUsername = false): IgPostVM {
  return {
    code: p.shortcode,
    href: postHref(p, withUsername ? profile.username : undefined),
    username: profile.username,
    avatarColor: profile.avatarColor,
    color: p.color,
    label: p.caption.slice(0, 16),
    caption: p.caption,
    iso: new Date(p.takenAt).toISOString(),
    timeText: igRelativeTime(p.takenAt, now),
    titleDate: titleDate(p.takenAt),
    likesText: `${count(p.likes)} ${plural(p.likes, 'отметка', 'отметки', 'отметок')} «Нравится»`,
    isVideo: p.isVideo,
  };
}

function storyVM(profile: SeedProfile, s: SeedStory, now: number): IgStoryVM {
  return {
    username: profile.username,
    avatarColor: profile.avatarColor,
    pk: s.pk,
    iso: new Date(s.takenAt).toISOString(),
    timeText: igRelativeTime(s.takenAt, now),
  };
}

function homeData(seed: Seed, now: number): { posts: IgPostVM[]; stories: IgTrayItemVM[] } {
  const all: Array<{ profile: SeedProfile; post: SeedPost }> = [];
  for (const profile of seed.profiles)
    for (const post of profile.posts) if (post.takenAt <= now && now - post.takenAt < 3 * DAY) all.push({ profile, post });
  all.sort((a, b) => b.post.takenAt - a.post.takenAt);
  const stories = seed.profiles
    .map((p) => ({ p, s: currentStories(seed, p, now) }))
    .filter((x) => x.s.length)
    .map((x) => ({
      username: x.p.username,
      avatarColor: x.p.avatarColor,
      href: `/stories/${x.p.username}/${x.s[x.s.length - 1].pk}/`,
    }));
  return { posts: all.slice(0, 10).map((x) => igPostVM(x.profile, x.post, now)), stories };
}

function directThreads(seed: Seed, now: number): IgDirectThreadVM[] {
  const snippets = [
    'Здравствуйте! Сколько стоит доставка?',
    'Спасибо, всё понравилось 🙏',
    'А вы работаете в выходные?',
    'Можно записаться на завтра?',
    'Пришлите, пожалуйста, прайс',
  ];
  const r = rng(4242);
  return seed.profiles
    .filter((p) => p.leadId !== null)
    .slice(0, 8)
    .map((p, i) => ({
      id: (340282366841710300949128000000000n + BigInt(i)).toString(),
      username: p.username,
      fullName: p.fullName,
      avatarColor: p.avatarColor,
      snippet: snippets[i % snippets.length],
      timeText: igRelativeTime(now - Math.floor((i + r()) * 3 * 3_600_000), now),
      unread: i % 3 === 0,
    }));
}

// --- pages --------------------------------------------------------------------------------------

type IgView =
  | { kind: 'home' }
  | { kind: 'direct' }
  | { kind: 'profile'; username: string }
  | { kind: 'post'; code: string; username?: string }
  | { kind: 'story'; username: string; pk?: string }
  | { kind: 'placeholder'; title: string; active: string }
  | { kind: 'notfound' };

export function igRoute(path: string): IgView {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { kind: 'home' };
  const [first, second, third] = parts;
  if (first === 'direct') return { kind: 'direct' };
  if ((first === 'p' || first === 'reel' || first === 'tv') && second) return { kind: 'post', code: second };
  if ((second === 'p' || second === 'reel') && third && !IG_RESERVED.includes(first))
    return { kind: 'post', code: third, username: first.toLowerCase() };
  if (first === 'stories' && second) return { kind: 'story', username: second.toLowerCase(), pk: third };
  if (first === 'explore') return { kind: 'placeholder', title: 'Интересное', active: 'explore' };
  if (first === 'reels') return { kind: 'placeholder', title: 'Reels', active: 'reels' };
  if (IG_RESERVED.includes(first)) return { kind: 'notfound' };
  if (/^[a-z0-9._]{1,30}$/i.test(first)) return { kind: 'profile', username: first.toLowerCase() };
  return { kind: 'notfound' };
}

function findPost(seed: Seed, code: string, now: number): { profile: SeedProfile; post: SeedPost } | null {
  for (const profile of seed.profiles) {
    const post = profile.posts.find((p) => p.shortcode === code && p.takenAt <= now);
    if (post) return { profile, post };
  }
  return null;
}

function renderView(seed: Seed, view: IgView, now: number): { status: number; title: string; active: string; content: string } {
  switch (view.kind) {
    case 'home': {
      const h = homeData(seed, now);
      return { status: 200, title: 'Instagram', active: 'home', content: igRenderHome(h.posts, h.stories) };
    }
    case 'direct':
      return {
        status: 200,
        title: 'Входящие • Direct',
        active: 'direct',
        content: igRenderDirect(directThreads(seed, now), seed.igViewer.username),
      };
    case 'profile': {
      const profile = profileByUsername(seed, view.username);
      if (!profile) break;
      return {
        status: 200,
        title: `${profile.fullName} (@${profile.username}) • Фото и видео в Instagram`,
        active: profile.username === seed.igViewer.username ? 'profile' : '',
        content: igRenderProfile(igProfileVM(seed, profile, now)),
      };
    }
    case 'post': {
      const found = findPost(seed, view.code, now);
      if (!found || (view.username && view.username !== found.profile.username)) break;
      return {
        status: 200,
        title: `${found.profile.fullName} в Instagram: «${found.post.caption}»`,
        active: '',
        content:
          '<div class="_single_post_wrap">' +
          igRenderPostArticle(igPostVM(found.profile, found.post, now, !!view.username), false) +
          '</div>',
      };
    }
    case 'story': {
      const profile = profileByUsername(seed, view.username);
      if (!profile) break;
      const stories = currentStories(seed, profile, now);
      const s = stories.find((x) => x.pk === view.pk) ?? stories[stories.length - 1];
      if (!s) break;
      return { status: 200, title: 'Истории • Instagram', active: '', content: igRenderStory(storyVM(profile, s, now)) };
    }
    case 'placeholder':
      return {
        status: 200,
        title: `${view.title} • Instagram`,
        active: view.active,
        content: `<div class="_placeholder"><h2>${igEsc(view.title)}</h2></div>`,
      };
    case 'notfound':
      break;
  }
  return { status: 404, title: 'Страница не найдена • Instagram', active: '', content: igRenderNotFound() };
}

function documentHtml(title: string, body: string, scripts: string): string {
  return (
    '<!DOCTYPE html><html class="_9dls" lang="ru" dir="ltr"><head><meta charset="utf-8"><title>' +
    igEsc(title) +
    '</title>' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><style>' +
    IG_CSS +
    '</style></head>' +
    '<body class="_a3wf system-fonts--body"><div id="mount_0_0_Xy">' +
    body +
    '</div>' +
    scripts +
    '</body></html>'
  );
}

/** A profile page as static HTML (no scripts), for DOM-selector unit tests. */
export function renderProfileHtml(seed: Seed, username: string, now = seed.now): string {
  const v = renderView(seed, { kind: 'profile', username: username.toLowerCase() }, now);
  return documentHtml(v.title, igRenderPage(igNavVM(seed), v.active, v.content), '');
}

/** Any Instagram path as static HTML (no scripts). */
export function renderInstagramHtml(seed: Seed, path: string, now = seed.now): { status: number; html: string } {
  const v = renderView(seed, igRoute(path), now);
  return { status: v.status, html: documentHtml(v.title, igRenderPage(igNavVM(seed), v.active, v.content), '') };
}

const TEMPLATE_FNS = [
  igEsc,
  igTileImg,
  igAvatarImg,
  igIcon,
  igRenderNav,
  igRenderProfile,
  igRenderPostArticle,
  igRenderHome,
  igRenderDirect,
  igRenderStory,
  igRenderNotFound,
  igRenderPage,
];

/** The in-page router: renders embedded view models on pushState/popstate, full load for anything else. */
const SPA_SCRIPT = `
(function () {
  var DATA = JSON.parse(document.getElementById('ig-fake-data').textContent);
  window._sharedData = { config: { viewerId: DATA.viewerId }, country_code: 'KZ' };
  var RESERVED = DATA.reserved;
  function view(path) {
    var parts = path.split('/').filter(Boolean);
    if (parts.length === 0) return { kind: 'home' };
    var first = parts[0], second = parts[1], third = parts[2];
    if (first === 'direct') return { kind: 'direct' };
    if ((first === 'p' || first === 'reel') && second) return DATA.posts[second] ? { kind: 'post', code: second } : null;
    if ((second === 'p' || second === 'reel') && third && RESERVED.indexOf(first) < 0) return DATA.posts[third] ? { kind: 'post', code: third } : null;
    if (RESERVED.indexOf(first) >= 0) return null;
    if (/^[a-z0-9._]{1,30}$/i.test(first)) return { kind: 'profile', username: first.toLowerCase() };
    return { kind: 'notfound' };
  }
  function render(path) {
    var v = view(path);
    if (!v) { location.reload(); return; }
    var content, title, active = '';
    if (v.kind === 'home') { content = igRenderHome(DATA.home.posts, DATA.home.stories); title = 'Instagram'; active = 'home'; }
    else if (v.kind === 'direct') { content = igRenderDirect(DATA.direct, DATA.nav.viewerUsername); title = 'Входящие • Direct'; active = 'direct'; }
    else if (v.kind === 'post') { var p = DATA.posts[v.code]; content = '<div class="_single_post_wrap">' + igRenderPostArticle(p, false) + '</div>'; title = p.username + ' в Instagram'; }
    else if (v.kind === 'profile' && DATA.profiles[v.username]) {
      var pr = DATA.profiles[v.username];
      content = igRenderProfile(pr); title = pr.fullName + ' (@' + pr.username + ') • Фото и видео в Instagram';
      active = pr.isViewer ? 'profile' : '';
    } else { content = igRenderNotFound(); title = 'Страница не найдена • Instagram'; }
    document.getElementById('mount_0_0_Xy').innerHTML = igRenderPage(DATA.nav, active, content);
    document.title = title;
    window.scrollTo(0, 0);
  }
  var pending = 0;
  function go(href, push) {
    var u = new URL(href, location.href);
    if (push) history.pushState({}, '', u.pathname + u.search + u.hash);
    var token = ++pending;
    setTimeout(function () { if (token === pending) render(location.pathname); }, DATA.renderDelayMs);
  }
  document.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!a || a.target === '_blank') return;
    var raw = a.getAttribute('href');
    if (raw === '#') { e.preventDefault(); return; }
    var u = new URL(raw, location.href);
    if (u.origin !== location.origin || !view(u.pathname)) return;
    e.preventDefault();
    go(u.href, true);
  });
  window.addEventListener('popstate', function () { go(location.href, false); });
})();
`;

export function igPageScript(): string {
  return serializeFunctions(TEMPLATE_FNS) + SPA_SCRIPT;
}

function pageData(seed: Seed, now: number, renderDelayMs: number): Record<string, unknown> {
  const profiles: Record<string, IgProfileVM> = {};
  const posts: Record<string, IgPostVM> = {};
  for (const p of seed.profiles) {
    profiles[p.username] = igProfileVM(seed, p, now);
    for (const post of gridPosts(p, now).slice(0, IG_GRID_SIZE)) posts[post.shortcode] = igPostVM(p, post, now, true);
  }
  const home = homeData(seed, now);
  for (const post of home.posts) posts[post.code] = post;
  return {
    nav: igNavVM(seed),
    profiles,
    posts,
    home,
    direct: directThreads(seed, now),
    reserved: IG_RESERVED,
    viewerId: seed.igViewer.id,
    renderDelayMs,
  };
}

// --- the fake -----------------------------------------------------------------------------------

export function createInstagramFake(seed: Seed, options: InstagramFakeOptions = {}): InstagramFake {
  const origin = 'https://www.instagram.com';
  const clock = options.clock ?? (() => seed.now);
  const faults = new FaultSwitch('/api/', options.faults ?? []);
  const requests = new RequestLog();
  const requireAppId = options.requireAppId ?? true;
  const renderDelayMs = options.spaRenderDelayMs ?? 30;
  let seq = 1;

  const fail = (status: number, message: string, extra: Record<string, string> = {}): FakeResponse =>
    json(status, { message, status: 'fail' }, 'application/json; charset=utf-8', extra);

  function nodeJson(profile: SeedProfile, p: SeedPost): Record<string, unknown> {
    return {
      __typename: p.isVideo ? 'GraphVideo' : 'GraphImage',
      id: postPk(profile, p),
      shortcode: p.shortcode,
      dimensions: { height: 1350, width: 1080 },
      display_url: `https://scontent-waw2-1.cdninstagram.com/v/t51.29350-15/${p.shortcode}_n.jpg`,
      thumbnail_src: `https://scontent-waw2-1.cdninstagram.com/v/t51.29350-15/${p.shortcode}_s.jpg`,
      is_video: p.isVideo,
      ...(p.isVideo ? { video_view_count: p.likes * 9, product_type: 'clips' } : {}),
      taken_at_timestamp: unix(p.takenAt),
      edge_media_to_caption: { edges: [{ node: { text: p.caption } }] },
      edge_media_to_comment: { count: p.likes % 17 },
      edge_liked_by: { count: p.likes },
      edge_media_preview_like: { count: p.likes },
      comments_disabled: false,
      owner: { id: profile.id, username: profile.username },
      pinned_for_users: p.pinned ? [{ id: profile.id, is_verified: false, profile_pic_url: '', username: profile.username }] : [],
    };
  }

  function webProfileInfo(q: URLSearchParams): FakeResponse {
    const username = (q.get('username') ?? '').toLowerCase();
    const profile = profileByUsername(seed, username);
    if (!profile) return json(404, { data: { user: null }, status: 'ok' });
    if (profile.business) return fail(400, IG_BUSINESS_SCHEMA_MESSAGE);
    const now = clock();
    const posts = gridPosts(profile, now);
    return json(200, {
      data: {
        user: {
          biography: profile.bio,
          bio_links: [],
          full_name: profile.fullName,
          id: profile.id,
          fbid: `1784${profile.id}`,
          is_private: false,
          is_verified: false,
          is_business_account: true,
          is_professional_account: true,
          category_name: null,
          username: profile.username,
          profile_pic_url: `https://scontent-waw2-1.cdninstagram.com/v/t51.2885-19/${profile.id}_s150.jpg`,
          profile_pic_url_hd: `https://scontent-waw2-1.cdninstagram.com/v/t51.2885-19/${profile.id}_s320.jpg`,
          edge_followed_by: { count: profile.followers },
          edge_follow: { count: profile.following },
          highlight_reel_count: 0,
          has_clips: posts.some((p) => p.isVideo),
          edge_felix_video_timeline: { count: 0, page_info: { has_next_page: false, end_cursor: null }, edges: [] },
          edge_owner_to_timeline_media: {
            count: posts.length,
            page_info: {
              has_next_page: posts.length > IG_GRID_SIZE,
              end_cursor: posts.length > IG_GRID_SIZE ? `QVFC${profile.id}` : null,
            },
            edges: posts.slice(0, IG_GRID_SIZE).map((p) => ({ node: nodeJson(profile, p) })),
          },
          edge_saved_media: { count: 0, page_info: { has_next_page: false, end_cursor: null }, edges: [] },
          edge_media_collections: { count: 0, page_info: { has_next_page: false, end_cursor: null }, edges: [] },
        },
      },
      status: 'ok',
    });
  }

  function reelsMedia(q: URLSearchParams): FakeResponse {
    const ids = q
      .getAll('reel_ids')
      .concat(q.getAll('reel_ids[]'))
      .flatMap((v) => v.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    if (!ids.length) return fail(400, 'reel_ids is required');
    const now = clock();
    const reels: Record<string, unknown> = {};
    const list: unknown[] = [];
    for (const id of ids) {
      const profile = seed.profiles.find((p) => p.id === id);
      if (!profile) continue;
      const items = currentStories(seed, profile, now)
        .slice()
        .sort((a, b) => a.takenAt - b.takenAt);
      if (!items.length) continue;
      const latest = items[items.length - 1];
      const user = {
        pk: Number(profile.id),
        pk_id: profile.id,
        id: profile.id,
        username: profile.username,
        full_name: profile.fullName,
        is_private: false,
        profile_pic_url: `https://scontent-waw2-1.cdninstagram.com/v/t51.2885-19/${profile.id}_s150.jpg`,
      };
      const reel = {
        id: Number(profile.id),
        strong_id__: profile.id,
        latest_reel_media: unix(latest.takenAt),
        expiring_at: unix(latest.takenAt + DAY),
        seen: 0,
        can_reply: true,
        reel_type: 'user_reel',
        media_count: items.length,
        media_ids: items.map((s) => bigNumber(s.pk)),
        user,
        items: items.map((s) => ({
          pk: bigNumber(s.pk),
          id: `${s.pk}_${profile.id}`,
          taken_at: unix(s.takenAt),
          expiring_at: unix(s.takenAt + DAY),
          media_type: s.isVideo ? 2 : 1,
          product_type: 'story',
          code: `S${s.pk.slice(-10)}`,
          user: { pk: Number(profile.id), username: profile.username },
        })),
      };
      reels[profile.id] = reel;
      list.push(reel);
    }
    return rawJson(200, { reels, reels_media: list, status: 'ok' });
  }

  /** A post as the v1 feed item it is in `feed/user/…` answers. */
  function feedItem(profile: SeedProfile, p: SeedPost): Record<string, unknown> {
    const pk = postPk(profile, p);
    const owner = {
      pk: Number(profile.id),
      pk_id: profile.id,
      username: profile.username,
      full_name: profile.fullName,
      is_private: false,
    };
    return {
      taken_at: unix(p.takenAt),
      pk: bigNumber(pk),
      id: `${pk}_${profile.id}`,
      media_type: p.isVideo ? 2 : 1,
      code: p.shortcode,
      client_cache_key: `${btoa(pk)}.2`,
      filter_type: 0,
      product_type: p.isVideo ? 'clips' : 'feed',
      caption: {
        pk: bigNumber(String(17_900_000_000_000_000n + BigInt(unix(p.takenAt)))),
        text: p.caption,
        user_id: Number(profile.id),
      },
      clips_tab_pinned_user_ids: [],
      timeline_pinned_user_ids: p.pinned ? [Number(profile.id)] : [],
      like_count: p.likes,
      comment_count: p.likes % 17,
      original_width: 1080,
      original_height: 1350,
      user: owner,
    };
  }

  /** `feed/user/{username}/username/` and `feed/user/{userId}/`: grid order (pinned first), `count` items. */
  function userFeed(profile: SeedProfile, q: URLSearchParams): FakeResponse {
    const count = Math.min(33, Math.max(1, Number(q.get('count')) || IG_GRID_SIZE));
    const posts = gridPosts(profile, clock());
    const items = posts.slice(0, count).map((p) => feedItem(profile, p));
    return rawJson(200, {
      items,
      num_results: items.length,
      more_available: posts.length > count,
      ...(posts.length > count ? { next_max_id: `${postPk(profile, posts[count - 1])}_${profile.id}` } : {}),
      user: {
        pk: Number(profile.id),
        pk_id: profile.id,
        username: profile.username,
        full_name: profile.fullName,
        is_private: false,
      },
      auto_load_more_enabled: true,
      status: 'ok',
    });
  }

  function page(path: string): FakeResponse {
    const now = clock();
    const v = renderView(seed, igRoute(path), now);
    const scripts =
      '<script type="application/json" id="ig-fake-data">' +
      scriptJson(pageData(seed, now, renderDelayMs)) +
      '</script>' +
      '<script>' +
      igPageScript() +
      '</script>';
    return html(v.status, documentHtml(v.title, igRenderPage(igNavVM(seed), v.active, v.content), scripts), {
      'set-cookie': 'csrftoken=fakecsrf0123456789; Path=/; Secure',
      'cache-control': 'private, no-cache, no-store, must-revalidate',
    });
  }

  async function handle(req: FakeRequest): Promise<FakeResponse> {
    const url = new URL(req.url);
    const method = req.method.toUpperCase();
    const path = url.pathname;
    const log = (res: FakeResponse, fault?: string): FakeResponse => {
      requests.push({ method, path, search: url.search, url: req.url, time: Date.now(), status: res.status, fault });
      return res;
    };
    if (url.host !== 'www.instagram.com') return log(html(404, '<!DOCTYPE html><title>404</title>'));
    const fault = faults.take(path);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.status) {
      const extra: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
      const res =
        fault.body !== undefined
          ? { status: fault.status, headers: { 'content-type': 'application/json; charset=utf-8', ...extra }, body: fault.body }
          : fault.status === 401 || fault.status === 429
            ? json(
                fault.status,
                { message: IG_RATE_LIMIT_MESSAGE, require_login: fault.status === 401, status: 'fail' },
                'application/json; charset=utf-8',
                extra,
              )
            : fail(fault.status, 'Oops, an error occurred.', extra);
      return log(res, faultName(fault));
    }
    if (fault?.malformed)
      return log(
        { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"data": {"user": {' },
        faultName(fault),
      );
    const tag = fault ? faultName(fault) : undefined;
    if (path.startsWith('/api/')) {
      const byName = /^\/api\/v1\/feed\/user\/([^/]+)\/username\/$/.exec(path);
      const byId = /^\/api\/v1\/feed\/user\/(\d+)\/$/.exec(path);
      const isWeb = path === '/api/v1/users/web_profile_info/' || path === '/api/v1/feed/reels_media/' || !!byName || !!byId;
      if (!isWeb) return log(fail(404, 'Page not found'), tag);
      if (method !== 'GET') return log(fail(405, 'Method not allowed'), tag);
      if (requireAppId && header(req.headers, 'x-ig-app-id') !== IG_APP_ID) return log(fail(400, 'useragent mismatch'), tag);
      if (byName || byId) {
        const profile = byName
          ? profileByUsername(seed, decodeURIComponent(byName[1]))
          : seed.profiles.find((p) => p.id === byId![1]);
        return log(profile ? userFeed(profile, url.searchParams) : fail(404, 'User not found'), tag);
      }
      return log(
        path === '/api/v1/users/web_profile_info/' ? webProfileInfo(url.searchParams) : reelsMedia(url.searchParams),
        tag,
      );
    }
    if (path === '/favicon.ico' || path.startsWith('/static/')) return log({ status: 404, headers: {}, body: '' }, tag);
    if (method !== 'GET') return log(fail(405, 'Method not allowed'), tag);
    return log(page(path), tag);
  }

  return {
    origin,
    seed,
    handle,
    setFault: (fault, scope) => faults.set(fault, scope),
    requests,
    addPost(username, post = {}) {
      const profile = profileByUsername(seed, username);
      if (!profile) throw new Error(`no profile ${username}`);
      const p: SeedPost = {
        shortcode: post.shortcode ?? `Cnew${String(seq++).padStart(7, '0')}`,
        takenAt: post.takenAt ?? clock(),
        isVideo: post.isVideo ?? false,
        caption: post.caption ?? 'Новая публикация',
        color: post.color ?? '#ff8fab',
        likes: post.likes ?? 3,
        pinned: post.pinned ?? false,
      };
      profile.posts.unshift(p);
      profile.posts.sort((a, b) => b.takenAt - a.takenAt);
      return p;
    },
    addStory(username, story = {}) {
      const profile = profileByUsername(seed, username);
      if (!profile) throw new Error(`no profile ${username}`);
      const s: SeedStory = {
        pk: story.pk ?? `35${String(Date.UTC(2020, 0) + seq++).padStart(17, '0')}`,
        takenAt: story.takenAt ?? clock(),
        isVideo: story.isVideo ?? false,
      };
      profile.stories.unshift(s);
      profile.stories.sort((a, b) => b.takenAt - a.takenAt);
      return s;
    },
  };
}
