// Public face of the settings: the type, the defaults, merging and validation.
export type {
  AlarmSettings,
  AmoCrmSettings,
  ClockTime,
  CurrentClientsSettings,
  DeepPartial,
  InterfaceSettings,
  MotivationSettings,
  NewClientsSettings,
  PeopleSettings,
  Settings,
  TemplateId,
  TemplateText,
} from './settings-types';
export type { CalendarSettings } from '../calendar/types';
export { defaultSettings } from './defaults';
export { mergeSettings } from './merge-settings';
export { validateSettings, type SettingsError, type SettingsValidation } from './validate-settings';
