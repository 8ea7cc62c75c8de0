/** The `accessToken` a URL carries, or null (also for what is not a URL). */
function tokenOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).searchParams.get('accessToken') : null;
  } catch {
    return null;
  }
}

/**
 * What to do on a tab update after a signed page was opened in it: wait for its load; once
 * loaded, clean it if it still shows the token that was sent (on the same origin: a redirect
 * within the server is fine), else stop (the user went elsewhere, or the app dropped it itself).
 */
export function stepOnUpdate(status: string | undefined, tabUrl: string | undefined, signedUrl: string): 'wait' | 'clean' | 'stop' {
  if (status !== 'complete') return 'wait';
  const token = tokenOf(signedUrl);
  const shown = token !== null && tokenOf(tabUrl) === token;
  return shown && new URL(tabUrl!).origin === new URL(signedUrl).origin ? 'clean' : 'stop';
}

/**
 * Runs in the opened page (injected): waits until the web app has read the token — the Bytedesk
 * apps keep it in localStorage["ACCESS_TOKEN"] — then removes it from the address, keeping the
 * history entry's state (the app's router keeps its own there). A page that has not read it
 * within `waitMs` is left alone: taking the token away could sign it out. Self-contained: it is
 * serialised into the page, so it may use nothing from this module.
 */
export function removeTokenOnceRead(waitMs: number): Promise<boolean> {
  const started = Date.now();
  return new Promise((done) => {
    const tick = () => {
      const url = new URL(location.href);
      const token = url.searchParams.get('accessToken');
      if (token === null) return done(false);
      let read = false;
      try {
        read = localStorage.getItem('ACCESS_TOKEN') === token;
      } catch {
        // storage blocked: the app could not keep it either
      }
      if (!read) return void (Date.now() - started < waitMs ? setTimeout(tick, 100) : done(false));
      url.searchParams.delete('accessToken');
      history.replaceState(history.state, '', url.href);
      done(true);
    };
    tick();
  });
}
