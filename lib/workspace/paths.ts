import type { MessageKey } from '../browser/i18n';
import type { Workspace } from '../settings/settings';

/** The standard sign-in page of both web apps. */
export const LOGIN_PATH = 'auth/login';

/**
 * A page as agents call it. `words` finds it by name in either language whatever the browser's
 * (the popup has only its own language's messages): the English and Chinese names, lower case.
 */
export interface KnownPage {
  path: string;
  name: MessageKey;
  words: string;
}

export const LOGIN_PAGE: KnownPage = { path: LOGIN_PATH, name: 'popup_page_login', words: 'sign-in page 登录页' };

/** The common pages of each web app, the most used first: what Enter opens before anything was opened. */
export const COMMON_PAGES: Record<Workspace, readonly KnownPage[]> = {
  agent: [
    { path: 'ticket', name: 'popup_page_ticket', words: 'tickets 工单' },
    { path: 'chat', name: 'popup_page_chat', words: 'chats 会话' },
  ],
  admin: [
    { path: 'dashboard', name: 'popup_page_dashboard', words: 'dashboard 仪表盘' },
    { path: 'welcome', name: 'popup_page_welcome', words: 'welcome 欢迎页' },
  ],
};
