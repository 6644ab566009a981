// The e2e fixture: a fresh Chromium profile with the built extension loaded and the fake amoCRM and
// Instagram served under their real URLs through context.route().
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension } from '../../scripts/launch';
import { installFakes, type InstalledFakes } from '../fakes/route';

interface Options {
  /** Which build the context loads: the test build (open shadow roots) unless a spec proves something of the shipped one. */
  build: 'shipped' | 'test';
  /** The browser's language: the interface must not follow it (lib/i18n/locale.ts). */
  browserLocale: string;
}

interface Fixtures {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  fakes: InstalledFakes;
  /** Errors thrown into any page (the extension must never break the page it overlays). */
  pageErrors: string[];
  openExtensionPage: (path: string) => Promise<Page>;
}

export const test = base.extend<Fixtures & Options>({
  build: ['test', { option: true }],
  browserLocale: ['ru-RU', { option: true }],
  context: async ({ build, browserLocale }, use) => {
    const launched = await launchWithExtension({ headless: true, build, locale: browserLocale });
    await use(launched.context);
    await launched.context.close();
  },
  worker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  fakes: async ({ context }, use) => {
    await use(await installFakes(context));
  },
  pageErrors: async ({ context }, use) => {
    const errors: string[] = [];
    const watch = (page: Page) => page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(errors);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export { expect };
