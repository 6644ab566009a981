// Which build of Reglament derived a stored result (wxt.config.ts sets it from scripts/build-id.ts;
// 'dev' where no build ran, as in unit tests). Cached plans and per-client shares of another build
// are derived again: an update may change the engine.
declare const __REGLAMENT_BUILD__: string | undefined;

export const BUILD_ID: string = typeof __REGLAMENT_BUILD__ === 'string' ? __REGLAMENT_BUILD__ : 'dev';
