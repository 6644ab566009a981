// What the popup shows instead of a list: no clients yet (how to set up), or nothing due now.
import { extensionUrl, openOrFocus } from '@/lib/browser/tabs';
import { tr } from './state';

export function FirstRun() {
  return (
    <section class="first-run" data-testid="first-run" aria-labelledby="h-first">
      <h2 id="h-first">{tr('firstRun.title')}</h2>
      <p>{tr('firstRun.body')}</p>
      <ol>
        <li>{tr('firstRun.step1')}</li>
        <li>{tr('firstRun.step2')}</li>
        <li>{tr('firstRun.step3')}</li>
      </ol>
      <button type="button" class="button" onClick={() => openOrFocus(extensionUrl('/options.html#amocrm'))}>
        {tr('firstRun.open')}
      </button>
    </section>
  );
}

export function AllDone() {
  return (
    <section class="all-done" data-testid="all-done" aria-live="polite">
      <div class="all-done-mark" aria-hidden="true">
        ✓
      </div>
      <h2>{tr('allDone')}</h2>
      <p>{tr('allDone.hint')}</p>
    </section>
  );
}
