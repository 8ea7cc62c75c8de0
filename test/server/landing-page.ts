// The stand-in for the agent workbench (/agent/…) and admin console (/admin/…) web apps.
// Like the real apps it takes `?accessToken=` into localStorage["ACCESS_TOKEN"] and then
// trusts only what GET /api/v1/user/profile says about that token. Its "Sign out" revokes the
// token (POST /api/v1/user/logout), as the real apps' sign-out does.

export type WebApp = 'agent' | 'admin';

const TITLES: Record<WebApp, string> = { agent: 'Agent workbench', admin: 'Admin console' };

/**
 * The routes each real app has (../shared/bytedesk-routes.md): a page, or a menu whose pages are
 * under it. Any other path shows the app's 404 page, still signed in, as the real apps do
 * (`/admin/dashboard` among them: the console's dashboard is `/welcome`).
 */
export const ROUTES: Record<WebApp, string[]> = {
  admin: ['', 'welcome', 'team/', 'service/', 'ai/', 'kb/', 'ticket/', 'crm', 'bi', 'quality', 'marketing/', 'call/', 'voc/', 'setting/', 'super/', 'auth/'],
  agent: ['', 'chat', 'contact', 'ticket', 'robot', 'setting/', 'notebase', 'leavemsg', 'monitor', 'plugins/', 'auth/'],
};

/** The app a path belongs to, or null: `/agent`, `/agent/…`, `/admin`, `/admin/…`. */
export function webAppFor(path: string): WebApp | null {
  for (const app of ['agent', 'admin'] as const) {
    if (path === `/${app}` || path.startsWith(`/${app}/`)) return app;
  }
  return null;
}

// The page is the same for every path: the script reads the path and the token from
// `location`, so nothing from the request is ever written into the HTML.
export function landingPage(app: WebApp): string {
  const title = TITLES[app];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Bytedesk stand-in</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem}code{background:#eee;padding:0 .25em}</style>
</head>
<body>
<h1 id="app">${title}</h1>
<p>Page: <code id="path"></code> <span id="route"></span></p>
<p id="status" data-state="checking">checking…</p>
<button type="button" id="signout" hidden>Sign out</button>
<script>
(function () {
  var prefix = ${JSON.stringify(`/${app}`)};
  var pathEl = document.getElementById('path');
  var statusEl = document.getElementById('status');
  var inner = location.pathname.slice(prefix.length);
  try { inner = decodeURIComponent(inner); } catch (e) { /* keep it encoded */ }
  pathEl.textContent = inner === '' ? '/' : inner;
  var routes = ${JSON.stringify(ROUTES[app])};
  var route = inner.split('/').filter(Boolean).join('/');
  var found = routes.some(function (r) { return r.slice(-1) === '/' ? route.indexOf(r) === 0 && route.length > r.length : route === r; });
  var routeEl = document.getElementById('route');
  routeEl.textContent = found ? '' : '404: this page does not exist';
  routeEl.setAttribute('data-route', found ? 'found' : 'not-found');

  function show(state, text, username) {
    statusEl.textContent = text;
    statusEl.setAttribute('data-state', state);
    if (username) statusEl.setAttribute('data-username', username);
  }

  var fromUrl = new URLSearchParams(location.search).get('accessToken');
  if (fromUrl) localStorage.setItem('ACCESS_TOKEN', fromUrl);
  var token = localStorage.getItem('ACCESS_TOKEN');
  if (!token) { show('signed-out', 'not signed in'); return; }

  fetch('/api/v1/user/profile', { headers: { Authorization: 'Bearer ' + token } })
    .then(function (res) { return res.ok ? res.json() : null; })
    .then(function (body) {
      if (body && body.code === 200 && body.data) {
        show('signed-in', 'signed in as ' + body.data.nickname, body.data.username);
        document.getElementById('signout').hidden = false;
      } else {
        show('signed-out', 'not signed in');
      }
    })
    .catch(function () { show('signed-out', 'not signed in'); });

  document.getElementById('signout').addEventListener('click', function (event) {
    fetch('/api/v1/user/logout', { method: 'POST', headers: { Authorization: 'Bearer ' + token } }).then(function () {
      localStorage.removeItem('ACCESS_TOKEN');
      event.target.hidden = true;
      show('signed-out', 'signed out');
    });
  });
})();
</script>
</body>
</html>
`;
}
