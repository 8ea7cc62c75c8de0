import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { parsePrompt } from '../../lib/ways-in/prompt';
import '../../components/theme.css';
import '../../components/popup/popup.css';

document.documentElement.lang = navigator.language;
render(<PopupApp prompt={parsePrompt(location.search)} />, document.getElementById('root')!);
