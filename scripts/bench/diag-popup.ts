import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busyAgency, syncAll } from '../../test/fakes/busy-agency';
import { DAY } from '../../lib/calendar/time';
import { backdateTracking } from '../backdate-tracking';
import { launchBench } from './browser';
const userDataDir = mkdtempSync(join(tmpdir(), 'reglament-popup-diag-'));
const { context, extensionId } = await launchBench({ userDataDir });
{
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const now = Date.now();
  console.log('seeded', await syncAll(page, busyAgency(300, now)));
  await backdateTracking(page, now - 30 * DAY);
  await page.close();
}
for (let run = 0; run < 3; run++) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForSelector('body[data-fresh="true"]', { timeout: 60_000 });
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const marks = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])));
  console.log(marks);
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((s: number, i: number) => {
    const n: any = byId.get(s);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log((v / 1000).toFixed(1).padStart(8), k);
  await page.waitForTimeout(300);
  await page.close();
}
await context.close();
