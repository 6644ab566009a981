import { render } from 'preact';
import '@/components/common/theme.css';
import '@/components/dashboard/dashboard.css';
import { App } from '@/components/dashboard/App';
import { startLocale } from '@/components/common/page-locale';

void startLocale().finally(() => render(<App />, document.getElementById('app')!));
