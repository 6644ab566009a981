import { useState } from 'preact/hooks';
import type { Stage } from '@/lib/model/facts';
import type { ClientView } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/playbook/settings-types';
import { RULES } from '@/lib/playbook/rules';
import { stageChecklist, type StageStep } from '@/lib/playbook/stage-checklist';
import { obligationFor, tickKeyFor } from '@/lib/amocrm/overlay-model';
import type { OverlayEnv } from './context';

const RECURRING_STEPS = new Set(['daily-post', 'stories', 'engagement-round']);

function Step({ env, step, view }: { env: OverlayEnv; step: StageStep; view: ClientView | null }) {
  const { t, session } = env;
  const [value, setValue] = useState('');
  const now = env.now.value;
  if (step.info) {
    return (
      <li class="rg-step rg-step--info" data-item={step.id}>
        <span class="rg-step__icon">i</span>
        <span>{step.title}</span>
      </li>
    );
  }
  const obligation = view ? obligationFor(step.rule, view.obligations, now) : undefined;
  const def = step.rule ? RULES[step.rule].items.find((d) => d.id === step.id) : undefined;
  const recurring = RECURRING_STEPS.has(step.id);
  const item = obligation?.items?.find((i) => i.id === step.id);
  const done = recurring ? obligation?.state === 'met' || obligation?.state === 'met-late' : !!item?.done;
  const tickable = !!view && (recurring ? !!obligation : def?.source === 'tick');
  const key = tickKeyFor(step.rule, obligation);
  const busy = !!session.pending.value[`${step.id}|${key ?? ''}`];
  const toggle = () => void (done ? session.untick(step.id, key, step.title) : session.tick(step.id, key, step.title));
  const wantsValue = !!def?.valueHint && !done;
  return (
    <li class={`rg-step${done ? ' rg-step--done' : ''}`} data-item={step.id} data-done={String(done)}>
      <label class="rg-step__label">
        <input type="checkbox" checked={done} disabled={!tickable || busy || wantsValue} onChange={toggle} />
        <span>
          {step.title}
          {!tickable && !done && def && def.source !== 'tick' && <em class="rg-muted"> · {t('autoItem')}</em>}
        </span>
      </label>
      {wantsValue && tickable && (
        <form
          class="rg-value"
          onSubmit={(e) => {
            e.preventDefault();
            const v = value.trim();
            if (v) void session.tick(step.id, key, step.title, v);
          }}
        >
          <input class="rg-input" value={value} placeholder={t('refsPlaceholder')} onInput={(e) => setValue((e.target as HTMLInputElement).value)} aria-label={step.title} />
          <button type="submit" class="rg-btn rg-btn--small" disabled={busy || !value.trim()}>
            {t('save')}
          </button>
        </form>
      )}
    </li>
  );
}

export function Checklist({ env, stage, view, settings }: { env: OverlayEnv; stage: Stage | null; view: ClientView | null; settings: Settings }) {
  const service = view?.client.service ?? null;
  const list = stageChecklist(stage, service, settings);
  if (list.steps.length === 0) return null;
  return (
    <section class="rg-sec" aria-label={env.t('checklist')}>
      <h3 class="rg-sec__title">{env.t('checklist')}</h3>
      <ul class="rg-steps">
        {list.steps.map((s) => (
          <Step key={s.id} env={env} step={s} view={view} />
        ))}
      </ul>
      {list.nextStage && <div class="rg-next">{env.t('next', { stage: settings.amocrm.stageNames[list.nextStage] })}</div>}
    </section>
  );
}
