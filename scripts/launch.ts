// Launches Chromium with the built extension loaded; shared by the demo and the e2e fixture.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { chromiumArgs, findChromium } from './chromium';

export const extensionDir = resolve(import.meta.dirname, '../.output/chrome-mv3');

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

export async function launchWithExtension(options: {
  headless: boolean;
  viewport?: { width: number; height: number } | null;
}): Promise<LaunchedExtension> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'reglament-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    locale: 'ru-RU',
    timezoneId: 'Asia/Almaty',
    args: [...chromiumArgs, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}
