import { render } from 'preact';

render(<main>Bytedesk Launchpad</main>, document.getElementById('root')!);
