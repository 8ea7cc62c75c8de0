import { browser } from 'wxt/browser';

/** Bytedesk's sign-out call, on any server the extension may reach (a sub-path install too). */
const SIGN_OUT_URLS = ['*://*/*api/v1/user/logout'];

/**
 * Calls `listener` when a Bytedesk sign-out request is sent: a web app's own "Sign out" revokes
 * the token the extension handed it. Observation only (nothing is blocked or read), and only on
 * the servers the user granted.
 */
export function onWebAppSignOut(listener: () => void): void {
  browser.webRequest?.onBeforeRequest.addListener(() => void listener(), { urls: SIGN_OUT_URLS });
}

/** Every request to a Bytedesk API (a sub-path install too); 401s are picked out in code. */
const API_URLS = ['*://*/*api/*'];

/**
 * Calls `listener` with the tab (-1: none) of each request to a server's `/api/` that was answered
 * 401: the token it carried is dead. Observation only, once the answer came (nothing is blocked
 * or read), and only on the servers the user granted.
 */
export function onApiRefusal(listener: (tabId: number) => void): void {
  browser.webRequest?.onCompleted.addListener(
    ({ statusCode, url, tabId }) => {
      if (statusCode === 401 && new URL(url).pathname.includes('/api/')) listener(tabId);
    },
    { urls: API_URLS },
  );
}
