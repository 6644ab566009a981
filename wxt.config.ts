import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { amocrmMatches, instagramMatches } from './lib/hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    permissions: ['alarms', 'notifications', 'storage'],
    host_permissions: [...amocrmMatches, ...instagramMatches],
    action: { default_title: '__MSG_extName__' },
  },
  vite: () => ({ plugins: [preact()] }),
});
