// A sign-out while a renewal is in flight, over a slow network: the stand-in mints the new token
// at once and its answer arrives seconds later. The sign-out must stay a sign-out, and no token
// the extension was handed may stay valid on the server.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import type { ExtensionHarness } from './harness.ts';
import { PopupPage } from './pages/popup.ts';
import { ADMIN, browserAndServerPerFile, storedSession, tokenExchanges } from './support.ts';

/** Renewal is due at half of it: the alarm fires about 8 s after sign-in. */
const LIFETIME_SECONDS = 16;
const EXCHANGE_ANSWER_DELAY_MS = 4_000;

let server: StandInServer;
let ext: ExtensionHarness;

browserAndServerPerFile((s, e) => {
  server = s;
  ext = e;
});

beforeEach(() => {
  server.setTokenLifetime(LIFETIME_SECONDS);
  server.setResponseDelay(EXCHANGE_ANSWER_DELAY_MS, ['/auth/v1/login/accessToken']);
});
afterEach(() => server.setResponseDelay(null));

const liveTokensOf = (username: string) =>
  server.tokens().filter((row) => row.username === username && !row.revoked && row.expiresAt > Date.now());

it('signing out while a renewal is in flight: still signed out after its answer arrives, no valid token left', async () => {
  const popup = await PopupPage.open(ext);
  await popup.signIn(ADMIN);
  const signedIn = (await storedSession(ext))!;

  // The renewal alarm fires and the exchange is sent; its answer is on its way.
  await expect.poll(() => tokenExchanges(server).length, { timeout: 20_000 }).toBe(1);
  const exchangeSent = Date.now();
  expect(liveTokensOf(ADMIN.username), 'the server already minted the new token').toHaveLength(2);

  await popup.revoke();
  await popup.signInButton.waitFor({ timeout: 15_000 });
  // Past the moment the exchange's answer reached the extension, and a little more.
  await new Promise((r) => setTimeout(r, Math.max(0, exchangeSent + EXCHANGE_ANSWER_DELAY_MS + 1_000 - Date.now())));

  expect(await popup.isSignInForm(), 'the popup still shows signed out').toBe(true);
  const reopened = await PopupPage.open(ext);
  expect(await reopened.isSignInForm(), 'a popup opened afterwards too').toBe(true);
  expect(await storedSession(ext)).toBeUndefined();
  expect(liveTokensOf(ADMIN.username), 'no valid token left on the server').toEqual([]);
  expect(server.tokens().find((row) => row.token === signedIn.token)?.revoked).toBe(true);
});
