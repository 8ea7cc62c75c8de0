import { render } from 'preact';
import { UsersPage } from '../../components/users/UsersPage';
import '../../components/users/users.css';

render(<UsersPage />, document.getElementById('root')!);
