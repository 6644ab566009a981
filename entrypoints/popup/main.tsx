import { render } from 'preact';
import '@/components/common/theme.css';
import '@/components/popup/popup.css';
import { Popup } from '@/components/popup/Popup';
import { refresh } from '@/components/popup/state';
import { startLocale } from '@/components/common/page-locale';

performance.mark('popup-start');
// Ask the worker before the first paint; the language comes from storage in parallel.
const loaded = refresh(true);
void startLocale({ ru: 'Reglament — Сегодня', en: 'Reglament — Today' });
render(<Popup />, document.getElementById('app')!);
void loaded;
