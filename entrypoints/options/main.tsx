import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
import { setPageLanguage } from '../../lib/browser/i18n';
import '../../components/options/options.css';

setPageLanguage(document);
render(<OptionsPage />, document.getElementById('root')!);
