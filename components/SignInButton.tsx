import { browser } from 'wxt/browser';
import { showPrompt } from '../lib/ways-in/prompt';

type OpenPopup = { openPopup?: () => Promise<void> };

/**
 * Opens the sign-in: the toolbar popup where the browser lets a page open it (Chrome 127+,
 * Firefox on a click), else the popup's page in a small window, which closes once signed in.
 * A page that needs a session shows this instead of only saying where the toolbar button is.
 */
export async function openSignIn(): Promise<void> {
  // MV2 (the Firefox build) has browserAction, MV3 action. Called first, still inside the click.
  const action = (browser.action ?? (browser as unknown as { browserAction?: OpenPopup }).browserAction) as OpenPopup | undefined;
  try {
    if (action?.openPopup) return await action.openPopup();
  } catch {
    // No toolbar to anchor it to (a headless or popup window, the button hidden): the window below.
  }
  await showPrompt({ reason: 'signed-out' });
}

/** "Sign in…": opens the sign-in (see openSignIn). */
export function SignInButton({ label }: { label: string }) {
  return (
    <button type="button" class="primary" onClick={() => void openSignIn()}>
      {label}
    </button>
  );
}
