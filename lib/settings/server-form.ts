import { t } from '../browser/i18n';
import { errorMessage } from '../error-message';
import { errorKindOf } from '../server/errors';
import { isLoopbackHost, normalizeServerUrl, originPattern } from './server-url';
import type { ServerProfile } from './settings';

/** What the options page's server fields hold, as typed. */
export interface ServerFormValues {
  baseUrl: string;
  agentUrl: string;
  adminUrl: string;
}
export type ServerField = keyof ServerFormValues;
export type ServerFieldErrors = Partial<Record<ServerField, string>>;
export type ServerSettings = Pick<ServerProfile, 'baseUrl' | 'agentUrl' | 'adminUrl'>;

export type ServerFormResult =
  | { ok: true; server: ServerSettings; origins: string[] }
  | { ok: false; errors: ServerFieldErrors };

type Translate = typeof t;

export function serverFormValues(profile: ServerSettings | null): ServerFormValues {
  return { baseUrl: profile?.baseUrl ?? '', agentUrl: profile?.agentUrl ?? '', adminUrl: profile?.adminUrl ?? '' };
}

/** The normalised server fields and the origins to ask for, or an error in words for each bad field. */
export function readServerForm(values: ServerFormValues, translate: Translate = t): ServerFormResult {
  const errors: ServerFieldErrors = {};
  const read = (field: ServerField, app?: 'agent' | 'admin'): string | null => {
    const result = readServerUrl(values[field], { required: field === 'baseUrl', app }, translate);
    if ('error' in result) errors[field] = result.error;
    return 'url' in result ? result.url : null;
  };
  const baseUrl = read('baseUrl');
  const agentUrl = read('agentUrl', 'agent');
  const adminUrl = read('adminUrl', 'admin');
  if (baseUrl === null || Object.keys(errors).length > 0) return { ok: false, errors };
  const server = { baseUrl, agentUrl, adminUrl };
  return { ok: true, server, origins: serverOrigins(server) };
}

/** One field: its normalised URL (null when left empty and optional), or why it is refused. */
export function readServerUrl(
  value: string,
  { required, app }: { required: boolean; app?: 'agent' | 'admin' },
  translate: Translate = t,
): { url: string | null } | { error: string } {
  if (!value.trim()) return required ? { error: translate('options_error_required') } : { url: null };
  try {
    return { url: normalizeServerUrl(value, app) };
  } catch (error) {
    const problem = (error as { serverMessage?: string }).serverMessage ?? '';
    return { error: translate(URL_PROBLEMS[problem] ?? 'options_error_url') };
  }
}

// normalizeServerUrl says why in `serverMessage`; anything new gets the general words.
const URL_PROBLEMS: Record<string, Parameters<Translate>[0]> = {
  'not a URL': 'options_error_not_url',
  'http or https only': 'options_error_scheme',
  'no user name or password in the URL': 'options_error_credentials',
  'no query or fragment': 'options_error_query',
};

/** Exactly the origins the extension opens pages on: the server and the optional app servers. */
export function serverOrigins(server: ServerSettings): string[] {
  const urls = [server.baseUrl, server.agentUrl, server.adminUrl].filter((url): url is string => url !== null);
  return [...new Set(urls.map((url) => originPattern(url)))];
}

/** Plain http to anything but this computer: the token would cross the network readable. */
export function isInsecure(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && !isLoopbackHost(hostname);
}

export type ConnectionOutcome = { result: 'ok' | 'unreachable' | 'not-bytedesk'; text: string };

/** "Test connection" in words: a Bytedesk server, nothing reached, or something else answered. */
export function connectionOutcome(error: unknown, host: string, translate: Translate = t): ConnectionOutcome {
  if (error === null) return { result: 'ok', text: translate('options_test_ok', host) };
  const kind = errorKindOf(error);
  if (kind === 'unreachable') return { result: 'unreachable', text: translate('options_test_unreachable', host) };
  if (kind === 'timeout') return { result: 'unreachable', text: translate('options_test_timeout', host) };
  const text = translate('options_test_not_bytedesk', host);
  // not-bytedesk says the same again; anything else (a server error, say) adds what went wrong.
  return { result: 'not-bytedesk', text: kind === 'not-bytedesk' ? text : `${text} ${errorMessage(error, translate)}` };
}
