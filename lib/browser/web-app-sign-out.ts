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
