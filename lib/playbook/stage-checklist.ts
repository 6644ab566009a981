// What the manager should do now, given the deal's stage and service: used by the amoCRM
// overlay next to the pipeline status. Static guidance; deadlines come from lib/sla.
import type { Service, Stage } from '../model/facts';
import type { RuleId } from '../model/obligations';
import { STEPS } from './engine-texts';
import { itemTitle, RULES, ruleText } from './rules';
import { shownSettings } from './localize';
import type { Settings, TemplateId } from './settings-types';

export interface StageStep {
  /** Checklist item id when the step is an item of a rule, else a step id. */
  id: string;
  rule: RuleId | null;
  title: string;
  info: boolean;
}

export interface StageChecklist {
  stage: Stage | null;
  /** The stage's name in amoCRM (settings.amocrm.stageNames). */
  stageName: string | null;
  rules: RuleId[];
  steps: StageStep[];
  /** Stage to set when the steps are done. */
  nextStage: Stage | null;
  /** Script or e-mail template to open for this stage. */
  templates: TemplateId[];
}

function ruleSteps(rule: RuleId, service: Service, settings: Settings): StageStep[] {
  const steps: StageStep[] = [];
  for (const def of RULES[rule].items) {
    const shown = itemTitle(def, service, settings);
    if (shown) steps.push({ id: def.id, rule, title: shown.title, info: shown.info });
  }
  return steps;
}

/** `stage` null = a new deal that has not reached «Связались с клиентом» yet. Unknown service → management steps. */
export function stageChecklist(stage: Stage | null, service: Service | null, settings: Settings): StageChecklist {
  const svc: Service = service ?? 'management';
  const names = shownSettings(settings).amocrm.stageNames;
  const base = { stage, stageName: stage ? names[stage] : null };
  switch (stage) {
    case null:
      return {
        ...base,
        rules: ['first-contact'],
        steps: ruleSteps('first-contact', svc, settings),
        nextStage: 'contacted',
        templates: ['firstCallScript'],
      };
    case 'contacted':
      return {
        ...base,
        rules: [],
        steps: [
          {
            id: 'await-questionnaire',
            rule: null,
            title: ruleText(STEPS.awaitQuestionnaire, settings),
            info: true,
          },
        ],
        nextStage: 'questionnaire',
        templates: [],
      };
    case 'questionnaire':
      return {
        ...base,
        rules: ['concept-call', 'first-plan', 'launch', 'first-post-72h'],
        steps: [
          ...ruleSteps('concept-call', svc, settings),
          ...ruleSteps('first-plan', svc, settings),
          ...ruleSteps('launch', svc, settings),
        ],
        nextStage: 'launched',
        templates: [],
      };
    case 'launched':
      return {
        ...base,
        rules: ['daily-post', 'stories', 'engagement-round', 'content-plan-2', 'content-plan-3', 'renewal-contact'],
        steps: [
          { id: 'daily-post', rule: 'daily-post', title: ruleText(STEPS.dailyPost, settings), info: false },
          {
            id: 'stories',
            rule: 'stories',
            title: ruleText(STEPS.stories, settings),
            info: false,
          },
          {
            id: 'engagement-round',
            rule: 'engagement-round',
            title: ruleText(STEPS.engagementRound, settings),
            info: false,
          },
          ...ruleSteps('content-plan-2', svc, settings),
          ...ruleSteps('content-plan-3', svc, settings),
          ...ruleSteps('renewal-contact', svc, settings),
        ],
        nextStage: 'notice-sent',
        templates: svc === 'management' ? ['renewalScript', 'followerQuestion'] : ['followerQuestion'],
      };
    case 'notice-sent':
      return {
        ...base,
        rules: ['lost-deadline'],
        steps: [
          {
            id: 'await-payment',
            rule: 'lost-deadline',
            title: ruleText(STEPS.awaitPayment, settings),
            info: false,
          },
          {
            id: 'start-date-on-payment',
            rule: null,
            title: ruleText(STEPS.startDateOnPayment, settings),
            info: false,
          },
        ],
        nextStage: 'launched',
        templates: ['paymentDetailsIndividual', 'invoiceLegal'],
      };
    case 'lost':
      return { ...base, rules: [], steps: [], nextStage: null, templates: [] };
  }
}
