import { render } from 'preact';

render(<main>Reglament</main>, document.getElementById('app')!);
