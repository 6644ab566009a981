import { render } from 'preact';
import '@/components/popup/theme.css';
import '@/components/options/options.css';
import { Options } from '@/components/options/Options';
import { loadSettings } from '@/components/options/state';
import { startLocale } from '@/components/popup/locale';

void loadSettings();
void startLocale();
render(<Options />, document.getElementById('app')!);
