import { render } from 'preact';
import '@/components/common/theme.css';
import '@/components/options/options.css';
import { Options } from '@/components/options/Options';
import { loadSettings } from '@/components/options/state';
import { startLocale } from '@/components/common/page-locale';

void loadSettings();
void startLocale({ ru: 'Reglament — Настройки', en: 'Reglament — Settings' });
render(<Options />, document.getElementById('app')!);
