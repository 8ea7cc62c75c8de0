import { t } from '../browser/i18n';
import type { ErrorKind } from '../server/errors';
import type { OpenRequest } from '../workspace/open-workspace';
import { pageLabel, pageLanguageOf, TOP_PAGES } from '../workspace/paths';

/** Why a shortcut or menu item could not open its page, and what it was asked to open. */
export interface Prompt {
  reason: ErrorKind;
  request?: OpenRequest;
}

export function promptQuery({ reason, request }: Prompt): string {
  const params = new URLSearchParams({ reason });
  if (request) {
    if (request.profileId) params.set('profile', request.profileId);
    params.set('workspace', request.workspace);
    params.set('path', request.path);
  }
  return `?${params}`;
}

export function parsePrompt(search: string): Prompt | null {
  const params = new URLSearchParams(search);
  const reason = params.get('reason') as ErrorKind | null;
  if (!reason) return null;
  const workspace = params.get('workspace');
  const path = params.get('path');
  if ((workspace !== 'agent' && workspace !== 'admin') || path === null) return { reason };
  const profileId = params.get('profile');
  return { reason, request: { workspace, path, ...(profileId && { profileId }) } };
}

/** What the sign-in window says it will open: "Sign in to open Tickets" (the page's name as the popup lists it, else its path). */
export function promptOpens({ workspace, path }: Pick<OpenRequest, 'workspace' | 'path'>, translate: typeof t = t): string {
  const known = TOP_PAGES[workspace].find((page) => page.path === path);
  return translate('popup_sign_in_to_open', known ? pageLabel(known, pageLanguageOf(translate('page_language'))) : `/${path}`);
}
