import { render } from 'preact';
import { UsersPage } from '../../components/users/UsersPage';
import { setPageLanguage } from '../../lib/browser/i18n';
import '../../components/users/users.css';

setPageLanguage(document);
render(<UsersPage />, document.getElementById('root')!);
