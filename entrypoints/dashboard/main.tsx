import { render } from 'preact';
import '@/components/dashboard/dashboard.css';
import { App } from '@/components/dashboard/App';
import { startLocale } from '@/components/dashboard/locale';

void startLocale().finally(() => render(<App />, document.getElementById('app')!));
