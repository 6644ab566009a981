// `npm run demo`: builds the extension, opens Chromium with it loaded on the fake amoCRM and
// Instagram (served under their real URLs), seeded with live clients.
// `npm run demo -- --headless --screenshot DIR` does the same without a window and saves screenshots.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from './launch';
import { installFakes } from '../test/fakes/route';
import { runDemoTour } from './demo-tour';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

if (!values['no-build']) {
  // The test build: the tour clicks inside the sidebar, which only an open shadow root allows.
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const headless = values.headless || (!!values.screenshot && !process.env.DISPLAY);
let launched;
try {
  launched = await launchWithExtension({ headless, viewport: headless ? { width: 1440, height: 900 } : null });
} catch (error) {
  console.error(`demo: ${(error as Error).message}`);
  process.exit(1);
}
const { context, extensionId } = launched;
const fakes = await installFakes(context);

const shotsDir = values.screenshot;
if (shotsDir) mkdirSync(shotsDir, { recursive: true });
const shots = await runDemoTour({
  context,
  extensionId,
  fakes,
  screenshot: shotsDir ? (name) => join(shotsDir, `${name}.png`) : null,
});
for (const path of shots) console.log(`demo: saved ${path}`);

if (headless) {
  await context.close();
} else {
  console.log('demo: Chromium is open on the fake amoCRM board and an Instagram profile. Close the window to stop.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
}
