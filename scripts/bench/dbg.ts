import { installFakes } from '../../test/fakes/route';
import { delayApis, launchBench } from './browser';
const { context } = await launchBench({ viewport: { width: 1920, height: 1080 } });
const fakes = await installFakes(context);
await delayApis(context);
const page = await context.newPage();
await import('./browser');
context.serviceWorkers()[0]!.on('console', (m) => console.log(m.text()));
page.on('console', (m) => m.text().startsWith('rg-t') && console.log(m.text()));
for (const k of ['c', 'd', 'e', 'f', 'c', 'd'] as const) {
  const url = `https://${fakes.seed.host}/leads/detail/${fakes.seed.storyLeads[k]}`;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForTimeout(1500);
  console.log(
    JSON.stringify(
      await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return [nav.responseEnd, nav.domInteractive, nav.domContentLoadedEventStart];
      }),
    ),
  );
}
await context.close();
