import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { setPageLanguage, t } from '../../lib/browser/i18n';
import { parsePrompt } from '../../lib/ways-in/prompt';
import '../../components/theme.css';
import '../../components/popup/popup.css';

setPageLanguage(document);
document.title = t('extName');
render(<PopupApp prompt={parsePrompt(location.search)} />, document.getElementById('root')!);
