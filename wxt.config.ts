import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { amocrmMatches, instagramMatches } from './lib/hosts';
import { buildId } from './scripts/build-id';

export default defineConfig({
  // MV3 for every browser: Firefox runs its background as an event page (README «Loading the built extension»).
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    permissions: ['alarms', 'notifications', 'storage'],
    host_permissions: [...amocrmMatches, ...instagramMatches],
    action: { default_title: '__MSG_extActionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'reglament@smmpro.agency',
              // data_collection_permissions below is understood from Firefox 140 on.
              strict_min_version: '140.0',
              // Reglament sends nothing anywhere: data stays in the browser and in the agency's own amoCRM.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android understands data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // AbortSignal.timeout (the amoCRM account check in the worker) needs Chrome 103.
          minimum_chrome_version: '103',
        }),
  }),
  vite: () => ({ plugins: [preact()], define: { __REGLAMENT_BUILD__: JSON.stringify(buildId(import.meta.dirname)) } }),
});
