import { browser } from 'wxt/browser';
import { openPopupWindow } from '../lib/browser/popup-window';

type OpenPopup = { openPopup?: () => Promise<void> };

/**
 * Opens the sign-in: the toolbar popup where the browser lets a page open it (Chrome 127+,
 * Firefox on a click), else the popup's page in a small window, which closes once signed in
 * (the sign-in prompt's window; not through ways-in/prompt.ts, which every page would then load).
 */
export async function openSignIn(): Promise<void> {
  // MV2 (the Firefox build) has browserAction, MV3 action. Called first, still inside the click.
  const action = (browser.action ?? (browser as unknown as { browserAction?: OpenPopup }).browserAction) as OpenPopup | undefined;
  try {
    if (action?.openPopup) return await action.openPopup();
  } catch {
    // No toolbar to anchor it to (a popup window, the button hidden): the window below.
  }
  await openPopupWindow('?reason=signed-out');
}

/** "Sign in…": opens the sign-in (see openSignIn); `primary` where it is the page's one action. */
export function SignInButton({ label, primary = false }: { label: string; primary?: boolean }) {
  return (
    <button type="button" class={primary ? 'primary' : undefined} onClick={() => void openSignIn()}>
      {label}
    </button>
  );
}
