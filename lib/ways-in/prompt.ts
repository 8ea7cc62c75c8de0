import { browser } from 'wxt/browser';
import type { ErrorKind } from '../server/errors';
import type { OpenRequest } from '../workspace/open-workspace';

/** Why a shortcut or menu item could not open its page, and what it was asked to open. */
export interface Prompt {
  reason: ErrorKind;
  request?: OpenRequest;
}

export function promptQuery({ reason, request }: Prompt): string {
  const params = new URLSearchParams({ reason });
  if (request) {
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
  return { reason, request: { workspace, path } };
}

/**
 * Shows the popup's page in a small window: a shortcut or menu item has no popup of its own
 * to explain "sign in first", and the sign-in there then opens what was asked for.
 */
export async function showPrompt(prompt: Prompt): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL(`/popup.html${promptQuery(prompt)}`),
    type: 'popup',
    width: 380,
    height: 560,
  });
}
