import { computed } from '@preact/signals';
import { translator } from '@/lib/i18n/translate';
import { locale } from '../common/page-locale';
import { optionsMessages, type OptionsKey } from './strings';

const t = computed(() => translator(optionsMessages, locale.value));
export const tr = (key: OptionsKey, vars?: Record<string, string | number>): string => t.value(key, vars);
