import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
import '../../components/options/options.css';

render(<OptionsPage />, document.getElementById('root')!);
