import type { Workspace } from '../settings/workspace';

/** The standard sign-in page of both web apps. */
export const LOGIN_PATH = 'auth/login';

/** A name in the two languages the extension speaks. */
export interface Words {
  en: string;
  zh: string;
}

/**
 * A page of a web app as its own menu names it (see ../shared/bytedesk-routes.md). `group` is
 * the menu it sits in; `also` holds more words to find it by (say, "conversations" for Thread);
 * `superOnly`: listed for super administrators only, as the app shows it only to them.
 */
export interface AppPage {
  path: string;
  name: Words;
  group?: Words;
  also?: string;
  superOnly?: true;
}

/**
 * The pages each app opens with, the most used first: what Enter opens before anything was
 * opened, and all the list needs for its first frame (the rest of the catalogue, app-pages.ts,
 * loads after it).
 */
export const TOP_PAGES: Record<Workspace, readonly AppPage[]> = {
  agent: [
    { path: 'ticket', name: { en: 'Tickets', zh: '工单' } },
    { path: 'chat', name: { en: 'Chat', zh: '聊天' }, also: 'chats conversations 会话' },
  ],
  admin: [{ path: 'welcome', name: { en: 'Dashboard', zh: '仪表盘' }, also: 'welcome home 首页' }],
};

/** The language of the names shown: the one the extension's messages are in. */
export type PageLanguage = keyof Words;
export const pageLanguageOf = (pageLanguage: string): PageLanguage => (pageLanguage.startsWith('zh') ? 'zh' : 'en');

/** "Customer service › Thread", "在线客服 › 会话": as the app's menu leads to it. */
export function pageLabel(page: AppPage, language: PageLanguage): string {
  return page.group ? `${page.group[language]} › ${page.name[language]}` : page.name[language];
}

/** Everything a page is found by: its names and menu in both languages, its path, and its other words. */
export function pageWords(page: AppPage): string {
  const words = [page.name.en, page.name.zh, page.group?.en, page.group?.zh, page.also, `/${page.path}`];
  return words.filter(Boolean).join(' ').toLowerCase();
}
