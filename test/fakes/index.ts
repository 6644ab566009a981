// Public surface of the fakes (seed, amoCRM, Instagram, Playwright wiring).
export * from './seed';
export * from './http';
export {
  createAmocrmFake,
  renderCardHtml,
  renderBoardHtml,
  amoCardVM,
  amoBoardVM,
  type AmocrmFake,
  type AmocrmFakeOptions,
} from './amocrm/index';
export {
  createInstagramFake,
  renderProfileHtml,
  renderInstagramHtml,
  gridPosts,
  IG_APP_ID,
  IG_GRID_SIZE,
  IG_RATE_LIMIT_MESSAGE,
  type InstagramFake,
  type InstagramFakeOptions,
} from './instagram/index';
export { installFakes, type InstalledFakes, type InstallFakesOptions } from './route';
