// Markup of the fake Instagram web app, as plain string-building functions shared by the server
// render and the in-page SPA script (serialized with Function#toString): keep them
// self-contained — no imports, no module constants, only calls to each other.
// Class names imitate the real site's hashed atomic classes; readers must select by tag, role,
// aria-label and href, never by class.

export interface IgTileVM {
  href: string;
  alt: string;
  color: string;
  label: string;
  isVideo: boolean;
  pinned: boolean;
}

export interface IgProfileVM {
  username: string;
  fullName: string;
  bio: string;
  avatarColor: string;
  postsText: string;
  followersText: string;
  followingText: string;
  storyHref: string;
  isViewer: boolean;
  tiles: IgTileVM[];
}

export interface IgPostVM {
  code: string;
  href: string;
  username: string;
  avatarColor: string;
  color: string;
  label: string;
  caption: string;
  iso: string;
  timeText: string;
  titleDate: string;
  likesText: string;
  isVideo: boolean;
}

export interface IgStoryVM {
  username: string;
  avatarColor: string;
  pk: string;
  iso: string;
  timeText: string;
}

export interface IgDirectThreadVM {
  id: string;
  username: string;
  fullName: string;
  avatarColor: string;
  snippet: string;
  timeText: string;
  unread: boolean;
}

export interface IgNavVM {
  viewerUsername: string;
  viewerAvatarColor: string;
}

export interface IgTrayItemVM {
  username: string;
  avatarColor: string;
  href: string;
}

export function igEsc(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A picture as an inline SVG data URI (never a network request). */
export function igTileImg(color: string, label: string): string {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400" viewBox="0 0 300 400"><rect width="300" height="400" fill="' +
    color +
    '"/>' +
    '<circle cx="230" cy="90" r="48" fill="rgba(255,255,255,.25)"/><rect x="30" y="300" width="200" height="16" rx="8" fill="rgba(255,255,255,.55)"/>' +
    '<rect x="30" y="328" width="140" height="12" rx="6" fill="rgba(255,255,255,.4)"/>' +
    '<text x="30" y="270" font-family="Arial" font-size="26" font-weight="bold" fill="#fff">' +
    igEsc(label) +
    '</text></svg>';
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
}

export function igAvatarImg(color: string, username: string): string {
  const letter = (username.replace(/[^a-z]/gi, '').charAt(0) || 'u').toUpperCase();
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="150" height="150" viewBox="0 0 150 150"><rect width="150" height="150" fill="' +
    color +
    '"/>' +
    '<text x="75" y="98" text-anchor="middle" font-family="Arial" font-size="70" font-weight="bold" fill="#fff">' +
    letter +
    '</text></svg>';
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
}

export function igIcon(label: string, glyph: string): string {
  return (
    '<svg aria-label="' +
    igEsc(label) +
    '" class="x1lliihq x1n2onr6 x5n08af" fill="currentColor" height="24" role="img" viewBox="0 0 24 24" width="24">' +
    '<title>' +
    igEsc(label) +
    '</title><text x="12" y="17" text-anchor="middle" font-size="16">' +
    glyph +
    '</text></svg>'
  );
}

export function igRenderNav(nav: IgNavVM, active: string): string {
  const items = [
    ['home', '/', 'Главная', '⌂'],
    ['search', '#', 'Поиск', '⌕'],
    ['explore', '/explore/', 'Интересное', '◎'],
    ['reels', '/reels/', 'Reels', '▶'],
    ['direct', '/direct/inbox/', 'Сообщения', '✈'],
    ['notifications', '#', 'Уведомления', '♡'],
    ['create', '#', 'Создать', '⊕'],
  ];
  let out =
    '<div class="x1iyjqo2 xh8yej3 x9f619 x78zum5 xdt5ytf" role="navigation"><div class="x1ep7n1s xd8ljsw x1n2onr6">' +
    '<div class="xh8yej3 x1gryazu"><a class="x1i10hfl xjbqb8w _a6hd" href="/" role="link" tabindex="0"><span class="x1lliihq x193iq5w x6ikm8r _ig_logo">Instagram</span></a></div>';
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    out +=
      '<div class="x1n2onr6' +
      (it[0] === active ? ' x1yvgwvq _nav_active' : '') +
      '"><span class="x4k7w5x x1h91t0o">' +
      '<a class="x1i10hfl xjbqb8w x1ejq31n _a6hd" href="' +
      it[1] +
      '" role="link" tabindex="0">' +
      '<div class="x9f619 x3nfvp2 xr9ek0c xjpr12u">' +
      igIcon(it[2], it[3]) +
      '<span class="x1lliihq x193iq5w x6ikm8r x10wlt62 xlyipyv xuxw1ft _nav_label">' +
      igEsc(it[2]) +
      '</span></div></a></span></div>';
  }
  out +=
    '<div class="x1n2onr6' +
    (active === 'profile' ? ' x1yvgwvq _nav_active' : '') +
    '"><span class="x4k7w5x x1h91t0o">' +
    '<a class="x1i10hfl xjbqb8w x1ejq31n _a6hd" href="/' +
    igEsc(nav.viewerUsername) +
    '/" role="link" tabindex="0">' +
    '<div class="x9f619 x3nfvp2 xr9ek0c xjpr12u"><img alt="Фото профиля ' +
    igEsc(nav.viewerUsername) +
    '" class="xpdipgo x972fbf _nav_avatar" src="' +
    igAvatarImg(nav.viewerAvatarColor, nav.viewerUsername) +
    '" height="24" width="24">' +
    '<span class="x1lliihq x193iq5w x6ikm8r x10wlt62 xlyipyv xuxw1ft _nav_label">Профиль</span></div></a></span></div>';
  out += '</div></div>';
  return out;
}

export function igRenderProfile(p: IgProfileVM): string {
  let grid = '';
  for (let i = 0; i < p.tiles.length; i += 3) {
    grid += '<div class="_ac7v x1f01sob xcghwft xat24cr xzboxd6">';
    for (let j = i; j < i + 3 && j < p.tiles.length; j++) {
      const t = p.tiles[j];
      grid +=
        '<div class="x1lliihq x1n2onr6 xh8yej3 x4gyw5p x11i5rnm xl1sdbm xllqsj8"><a class="x1i10hfl xjbqb8w x1ejq31n _a6hd" href="' +
        igEsc(t.href) +
        '" role="link" tabindex="0">' +
        '<div class="_aagu"><div class="_aagv"><img alt="' +
        igEsc(t.alt) +
        '" class="x5yr21d xu96u03 x10l6tqk x13vifvy x87ps6o xh8yej3" crossorigin="anonymous" decoding="auto" src="' +
        igTileImg(t.color, t.label) +
        '"></div><div class="_aagw"></div></div>' +
        '<div class="_aatp">' +
        (t.pinned ? igIcon('Закреплённая публикация', '⚑') : '') +
        (t.isVideo ? igIcon('Клип', '▶') : '') +
        '</div>' +
        '</a></div>';
    }
    grid += '</div>';
  }
  if (!p.tiles.length) {
    grid =
      '<div class="x78zum5 xdt5ytf x1iyjqo2 xl56j7k _empty"><span class="x1lliihq x1plvlek">Публикаций пока нет</span></div>';
  }
  const avatarImg =
    '<img alt="Фото профиля ' +
    igEsc(p.username) +
    '" class="xpdipgo x972fbf xcfux6l x1qhh985" draggable="false" src="' +
    igAvatarImg(p.avatarColor, p.username) +
    '">';
  const avatar = p.storyHref
    ? '<a class="x1i10hfl _story_ring" href="' +
      igEsc(p.storyHref) +
      '" role="link" aria-label="Открыть истории ' +
      igEsc(p.username) +
      '">' +
      avatarImg +
      '</a>'
    : '<span class="_avatar_plain" role="link" tabindex="-1">' + avatarImg + '</span>';
  const actions = p.isViewer
    ? '<a class="x1i10hfl _btn" href="/accounts/edit/" role="link">Редактировать профиль</a>'
    : '<button class="_acan _acap _acas _aj1- _ap30 _btn_primary" type="button">Подписаться</button>' +
      '<div class="_btn" role="button" tabindex="0">Отправить сообщение</div>';
  return (
    '<div class="x9f619 xvbhtw8 x78zum5 xdt5ytf x1n2onr6 _profile">' +
    '<header class="x1qjc9v5 x78zum5 x1q0g3np x2lah0s x1n2onr6 _profile_header">' +
    '<section class="x1xdureb _avatar_section">' +
    avatar +
    '</section>' +
    '<section class="x1xdureb x1agbcgv _info_section">' +
    '<div class="x6s0dn4 x78zum5 x1q0g3np"><h2 class="x1lliihq x1plvlek xryxfnj x1n2onr6 x193iq5w _username" dir="auto" tabindex="-1"><span class="x1lliihq">' +
    igEsc(p.username) +
    '</span></h2>' +
    '<div class="x78zum5 _actions">' +
    actions +
    '</div></div>' +
    '<ul class="x78zum5 x1q0g3np xieb3on _counts">' +
    '<li class="xl565be x1m39q7l"><span class="x1lliihq"><span class="html-span x1s688f">' +
    igEsc(p.postsText) +
    '</span></span></li>' +
    '<li class="xl565be x1m39q7l"><a class="x1i10hfl" href="/' +
    igEsc(p.username) +
    '/followers/" role="link"><span class="x1lliihq">' +
    igEsc(p.followersText) +
    '</span></a></li>' +
    '<li class="xl565be x1m39q7l"><a class="x1i10hfl" href="/' +
    igEsc(p.username) +
    '/following/" role="link"><span class="x1lliihq">' +
    igEsc(p.followingText) +
    '</span></a></li>' +
    '</ul>' +
    '<div class="x7a106z x78zum5 xdt5ytf _bio"><span class="x1lliihq x1plvlek x1s688f" dir="auto">' +
    igEsc(p.fullName) +
    '</span>' +
    '<h1 class="_ap3a _aaco _aacu _aacx _aad6 _aade" dir="auto">' +
    igEsc(p.bio).replace(/\n/g, '<br>') +
    '</h1></div>' +
    '</section></header>' +
    '<div class="x78zum5 xl56j7k x1n2onr6 _tabs" role="tablist">' +
    '<a aria-selected="true" class="x1i10hfl _tab _tab_active" href="/' +
    igEsc(p.username) +
    '/" role="tab" tabindex="0"><span>ПУБЛИКАЦИИ</span></a>' +
    '<a aria-selected="false" class="x1i10hfl _tab" href="/' +
    igEsc(p.username) +
    '/reels/" role="tab" tabindex="0"><span>REELS</span></a>' +
    '<a aria-selected="false" class="x1i10hfl _tab" href="/' +
    igEsc(p.username) +
    '/tagged/" role="tab" tabindex="0"><span>ОТМЕТКИ</span></a>' +
    '</div>' +
    '<div class="x1lliihq x1n2onr6 xh8yej3 _grid" style="display:flex;flex-direction:column">' +
    grid +
    '</div>' +
    '</div>'
  );
}

export function igRenderPostArticle(p: IgPostVM, inFeed: boolean): string {
  return (
    '<article class="x1iyjqo2 _aa6a' +
    (inFeed ? ' _feed_post' : ' _single_post') +
    '">' +
    '<div class="x6s0dn4 x78zum5 _post_head">' +
    '<img alt="Фото профиля ' +
    igEsc(p.username) +
    '" class="xpdipgo _post_avatar" src="' +
    igAvatarImg(p.avatarColor, p.username) +
    '">' +
    '<a class="x1i10hfl _a6hd _post_user" href="/' +
    igEsc(p.username) +
    '/" role="link">' +
    igEsc(p.username) +
    '</a>' +
    '<span class="x1lliihq _dot">•</span>' +
    '<a class="x1i10hfl _a6hd" href="' +
    igEsc(p.href) +
    '" role="link"><time class="x1p4m5qa" datetime="' +
    igEsc(p.iso) +
    '" title="' +
    igEsc(p.titleDate) +
    '">' +
    igEsc(p.timeText) +
    '</time></a>' +
    '</div>' +
    '<div class="_aagu _post_media"><div class="_aagv"><img alt="' +
    igEsc(p.caption) +
    '" class="x5yr21d xu96u03" src="' +
    igTileImg(p.color, p.label) +
    '"></div>' +
    (p.isVideo ? igIcon('Клип', '▶') : '') +
    '</div>' +
    '<section class="x6s0dn4 x78zum5 _post_actions">' +
    igIcon('Нравится', '♡') +
    igIcon('Комментировать', '◯') +
    igIcon('Поделиться', '✈') +
    '</section>' +
    '<div class="_post_likes"><span class="html-span">' +
    igEsc(p.likesText) +
    '</span></div>' +
    '<div class="_post_caption"><a class="x1i10hfl" href="/' +
    igEsc(p.username) +
    '/" role="link">' +
    igEsc(p.username) +
    '</a> <span dir="auto">' +
    igEsc(p.caption) +
    // Captions mention other accounts as «@name» links, as on the real page.
    ' <a class="x1i10hfl notranslate _a6hd" href="/smmpro.agency/" role="link">@smmpro.agency</a>' +
    '</span></div>' +
    '</article>'
  );
}

export function igRenderHome(posts: IgPostVM[], stories: IgTrayItemVM[]): string {
  let tray = '';
  for (let i = 0; i < stories.length; i++) {
    const s = stories[i];
    tray +=
      '<li class="_acaz"><a class="x1i10hfl _story_tray_item" href="' +
      igEsc(s.href) +
      '" role="link" aria-label="История пользователя ' +
      igEsc(s.username) +
      '">' +
      '<span class="_story_ring"><img alt="Фото профиля ' +
      igEsc(s.username) +
      '" src="' +
      igAvatarImg(s.avatarColor, s.username) +
      '"></span><span class="_tray_name">' +
      igEsc(s.username) +
      '</span></a></li>';
  }
  let feed = '';
  for (let i = 0; i < posts.length; i++) feed += igRenderPostArticle(posts[i], true);
  return (
    '<div class="x9f619 x78zum5 xdt5ytf _home">' +
    '<div role="menu" class="_story_tray"><ul class="_acay">' +
    tray +
    '</ul></div>' +
    '<div class="x1qjc9v5 _feed">' +
    feed +
    '</div></div>'
  );
}

export function igRenderDirect(threads: IgDirectThreadVM[], viewer: string): string {
  let list = '';
  for (let i = 0; i < threads.length; i++) {
    const t = threads[i];
    list +=
      '<div class="x1i10hfl _thread' +
      (t.unread ? ' _thread_unread' : '') +
      '" role="listitem"><a class="x1i10hfl" href="/direct/t/' +
      igEsc(t.id) +
      '/" role="link">' +
      '<img alt="Фото профиля ' +
      igEsc(t.username) +
      '" src="' +
      igAvatarImg(t.avatarColor, t.username) +
      '">' +
      '<div class="_thread_text"><span class="_thread_name">' +
      igEsc(t.fullName) +
      '</span>' +
      '<span class="_thread_snippet">' +
      igEsc(t.snippet) +
      ' · ' +
      igEsc(t.timeText) +
      '</span></div>' +
      (t.unread ? '<span class="_unread_dot" aria-label="Непрочитанное"></span>' : '') +
      '</a></div>';
  }
  return (
    '<div class="x9f619 x78zum5 _direct">' +
    '<div class="_direct_list" aria-label="Сообщения" role="list">' +
    '<div class="_direct_head"><h1 class="x1lliihq">' +
    igEsc(viewer) +
    '</h1><span>Сообщения</span></div>' +
    list +
    '</div>' +
    '<div class="_direct_empty">' +
    igIcon('Сообщения', '✈') +
    '<h2>Ваши сообщения</h2><p>Отправляйте личные фото и сообщения другу или группе.</p></div>' +
    '</div>'
  );
}

export function igRenderStory(s: IgStoryVM): string {
  return (
    '<section class="_story_viewer" role="dialog" aria-label="Истории">' +
    '<div class="_story_frame"><header class="_story_head"><img alt="Фото профиля ' +
    igEsc(s.username) +
    '" src="' +
    igAvatarImg(s.avatarColor, s.username) +
    '">' +
    '<a class="x1i10hfl" href="/' +
    igEsc(s.username) +
    '/" role="link">' +
    igEsc(s.username) +
    '</a>' +
    '<time class="x197sbye" datetime="' +
    igEsc(s.iso) +
    '">' +
    igEsc(s.timeText) +
    '</time></header>' +
    '<img class="_story_img" alt="История" src="' +
    igTileImg(s.avatarColor, 'История') +
    '"></div>' +
    '<a class="_story_close" href="/" role="link" aria-label="Закрыть">✕</a></section>'
  );
}

export function igRenderNotFound(): string {
  return (
    '<div class="x9f619 x78zum5 xdt5ytf _not_found">' +
    '<h2 class="x1lliihq x1plvlek" dir="auto">Эта страница недоступна.</h2>' +
    '<span class="x1lliihq" dir="auto">Возможно, вы воспользовались недействительной ссылкой или страница была удалена. ' +
    '<a class="x1i10hfl" href="/" role="link">Вернуться в Instagram.</a></span></div>'
  );
}

export function igRenderPage(nav: IgNavVM, active: string, content: string): string {
  return (
    '<div class="x9f619 x1n2onr6 x1ja2u2z _app">' +
    igRenderNav(nav, active) +
    '<main class="xvbhtw8 x78zum5 xdt5ytf x1iyjqo2 x1n2onr6 _main" role="main">' +
    content +
    '</main>' +
    '</div>'
  );
}
