// The current stage's checklist, built from the worker's obligations (their items are already
// branched by service: «Отправить логин/пароль Ивану» for ведение, an info line for комплексное).
import { useState } from 'preact/hooks';
import type { Stage } from '@/lib/model/facts';
import type { ChecklistItem, Obligation } from '@/lib/model/obligations';
import type { ClientView } from '@/lib/messaging/protocol';
import type { ContentSettings } from '@/lib/playbook/settings-types';
import {
  NEXT_STAGE,
  obligationFor,
  RECURRING_RULES,
  STAGE_RULES,
  TICK_ITEMS,
  tickKeyFor,
  VALUE_ITEMS,
} from '@/lib/amocrm/overlay-model';
import type { OverlayEnv } from './context';
import { useStore } from '@/components/common/use-store';

interface StepProps {
  env: OverlayEnv;
  obligation: Obligation;
  item: ChecklistItem;
  /** Recurring rules: the occurrence itself is the step, ticked with the rule's item. */
  recurring: boolean;
}

function Step({ env, obligation, item, recurring }: StepProps) {
  const { t, session } = env;
  // The stored value (the latest tick's) fills the input again after a reload.
  const [value, setValue] = useState(item.value ?? '');
  if (item.info) {
    return (
      <li class="rg-step rg-step--info" data-item={item.id}>
        <span class="rg-step__icon">i</span>
        <span>{item.title}</span>
      </li>
    );
  }
  const done = item.done;
  const tickable = recurring || TICK_ITEMS.has(item.id);
  const key = tickKeyFor(obligation.rule, obligation);
  const busy = !!useStore(session.pending)[`${item.id}|${key ?? ''}`];
  const hasValue = VALUE_ITEMS.has(item.id);
  const wantsValue = hasValue && !done;
  const toggle = () => void (done ? session.untick(item.id, key) : session.tick(item.id, key));
  return (
    <li class={`rg-step${done ? ' rg-step--done' : ''}`} data-item={item.id} data-done={String(done)}>
      <label class="rg-step__label">
        <input type="checkbox" checked={busy ? !done : done} disabled={!tickable || busy || wantsValue} onChange={toggle} />
        <span>
          {item.title}
          {!tickable && !done && <em class="rg-muted"> · {t('autoItem')}</em>}
        </span>
      </label>
      {hasValue && (
        <form
          class="rg-value"
          onSubmit={(e) => {
            e.preventDefault();
            const v = value.trim();
            if (v) void session.tick(item.id, key, v);
          }}
        >
          <input
            class="rg-input"
            value={value}
            placeholder={t('refsPlaceholder')}
            onInput={(e) => setValue((e.target as HTMLInputElement).value)}
            aria-label={item.title}
          />
          <button
            type="submit"
            class="rg-btn rg-btn--small"
            disabled={busy || !value.trim() || (done && value.trim() === item.value)}
          >
            {t('save')}
          </button>
        </form>
      )}
    </li>
  );
}

export function Checklist({
  env,
  stage,
  view,
  settings,
}: {
  env: OverlayEnv;
  stage: Stage | null;
  view: ClientView;
  settings: ContentSettings;
}) {
  const now = useStore(env.now);
  const steps: StepProps[] = [];
  for (const rule of STAGE_RULES[stage ?? 'new']) {
    const o = obligationFor(rule, view.obligations, now);
    if (!o) continue;
    if (RECURRING_RULES.has(rule)) {
      const met = o.state === 'met' || o.state === 'met-late';
      steps.push({ env, obligation: o, recurring: true, item: { id: rule, title: o.title, done: met } });
    } else for (const item of o.items ?? []) steps.push({ env, obligation: o, recurring: false, item });
  }
  const next = NEXT_STAGE[stage ?? 'new'];
  if (steps.length === 0 && stage !== 'contacted') return null;
  return (
    <section class="rg-sec" aria-label={env.t('checklist')}>
      <h3 class="rg-sec__title">{env.t('checklist')}</h3>
      <ul class="rg-steps">
        {steps.map((s) => (
          <Step key={`${s.obligation.id}|${s.item.id}`} {...s} />
        ))}
      </ul>
      {next && <div class="rg-next">{env.t('next', { stage: settings.shownAmocrm.stageNames[next] })}</div>}
    </section>
  );
}
