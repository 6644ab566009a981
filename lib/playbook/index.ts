export {
  defaultSettings,
  mergeSettings,
  validateSettings,
  type CalendarSettings,
  type DeepPartial,
  type Settings,
  type SettingsError,
  type SettingsValidation,
  type TemplateId,
  type TemplateText,
} from './settings';
export {
  RULE_IDS,
  RULES,
  itemTitle,
  requiredItemIds,
  ruleSummaryOf,
  ruleText,
  ruleTitleOf,
  titleVars,
  type ChecklistItemDef,
  type RuleKind,
  type RuleMeta,
  type RuleScale,
} from './rules';
export {
  defaultTemplates,
  fillTemplate,
  placeholdersOf,
  TEMPLATE_PLACEHOLDERS,
  type TemplatePlaceholder,
  type TemplateVars,
} from './templates';
export { stageChecklist, type StageChecklist, type StageStep } from './stage-checklist';
