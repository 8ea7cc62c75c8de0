import { LaunchpadError } from '../server/errors';

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** This computer: plain http is fine there, and a bare host means http. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOST.test(hostname);
}

/**
 * Turns what a user typed into a server base URL: http or https only, no user:password, no
 * query or hash, lower-case host, no trailing slash. A bare host gets https (http on loopback).
 * `app` strips a trailing `/agent` or `/admin` pasted from the docs' dev-server addresses.
 */
export function normalizeServerUrl(input: string, app?: 'agent' | 'admin'): string {
  const text = input.trim();
  if (!text) throw new LaunchpadError('invalid-input', { serverMessage: 'empty' });
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
    ? text
    : `${isLoopbackHost(hostOf(`http://${text}`)) ? 'http' : 'https'}://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new LaunchpadError('invalid-input', { serverMessage: 'not a URL' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LaunchpadError('invalid-input', { serverMessage: 'http or https only' });
  }
  if (url.username || url.password) {
    throw new LaunchpadError('invalid-input', { serverMessage: 'no user name or password in the URL' });
  }
  if (url.search || url.hash) {
    throw new LaunchpadError('invalid-input', { serverMessage: 'no query or fragment' });
  }
  let path = url.pathname.replace(/\/+$/, '');
  if (app && path.endsWith(`/${app}`)) path = path.slice(0, -app.length - 1);
  return url.origin + path;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * The origin pattern to ask host permission for: this server alone. Firefox's match patterns take
 * no port (one with a port is granted but matches nothing), so there it is the host on any port.
 * (BROWSER, not FIREFOX: under vitest lib modules get the boolean globals as strings.)
 */
export function originPattern(baseUrl: string, { withPort = import.meta.env.BROWSER !== 'firefox' } = {}): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${withPort ? url.host : url.hostname}/*`;
}
