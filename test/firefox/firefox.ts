// A real Firefox with the zipped add-on installed into a fresh profile, driven over WebDriver BiDi
// (puppeteer-core 24). Unsigned add-ons are allowed in this profile only; its console goes to
// stdout so the smoke can read what the background and the content scripts logged.
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const GECKO_ID = 'reglament@smmpro.agency';

/** FIREFOX_PATH, else Debian's firefox-esr (or a firefox) on PATH; null when there is none. */
export function findFirefox(): string | null {
  if (process.env.FIREFOX_PATH) return existsSync(process.env.FIREFOX_PATH) ? process.env.FIREFOX_PATH : null;
  for (const name of ['firefox-esr', 'firefox'])
    for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return null;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** `moz-extension://<uuid>` of the installed add-on. */
  origin: string;
  /** The tab Firefox started on: the add-on's popup page (WebDriver may not navigate to extension pages). */
  startPage: string;
  /** Every line Firefox wrote to stdout and stderr (console messages included). */
  output: string[];
  close(): Promise<void>;
}

export async function launchFirefox(options: {
  executablePath: string;
  xpi: string;
  proxyPort: number;
}): Promise<LaunchedFirefox> {
  const profile = mkdtempSync(join(tmpdir(), 'reglament-firefox-'));
  mkdirSync(join(profile, 'extensions'));
  copyFileSync(options.xpi, join(profile, 'extensions', `${GECKO_ID}.xpi`));
  const uuid = randomUUID();
  const startPage = `moz-extension://${uuid}/popup.html`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath,
    headless: true,
    userDataDir: profile,
    args: [startPage],
    // The fakes' throwaway certificate: accepted by this WebDriver session only.
    acceptInsecureCerts: true,
    env: { ...process.env, TZ: 'Asia/Almaty', MOZ_CRASHREPORTER_DISABLE: '1' },
    extraPrefsFirefox: {
      // The profile's extensions/ folder installs the unsigned build, enabled, with a known origin.
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Console of pages, content scripts and the background to stdout.
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
      // All traffic through the fakes' proxy; it refuses every host we do not fake.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': options.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': options.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
      'intl.accept_languages': 'ru-RU, ru',
    },
  });
  const output: string[] = [];
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      output.push(...lines);
    });
  }
  return {
    browser,
    origin: `moz-extension://${uuid}`,
    startPage,
    output,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
