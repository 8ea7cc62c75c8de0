import { defineConfig } from 'wxt';

// The e2e build (`--mode e2e`) is granted the loopback server up front: in headless automation
// nobody can answer the browser's permission prompt. Real builds ask at runtime, per origin.
const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];
const ANY_SERVER = ['http://*/*', 'https://*/*'];

// The e2e build's public key (`key`), so its id is fixed (lobfedefndbbhojoefkonjcmibbkklbj) and a
// browser policy written before launch can name it. Made once with node's crypto; the private key
// was never kept: an unpacked extension needs none.
const E2E_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzg6qGoYKwPdQJZaEwlMGQB9jgrx36oLf2LKAXPJgp7Z8RkJmZeco2q5JSCfoB3saklnKLaIxJQO/n6IJKXRs8cdnvGDK8WxCXy/EXBihxnRNKOF1kuFFEWJolmb+EjQ3vGHUWViun3WsnCeudzBdSz9YYsV4KtQ8zj9jW8EvNt/Xgh0YDb1zcS8GFRXX44SQYjlQZTrSE152usuTwQ4Ngo/oSQYJtGO+GWkh3NGg+tPMVYRxTPHLVUeGP19FNKdbm5FnGfq9PgyntyV7ciYtJMyAOqiyVQgLVd2YJfWmzWwYmZDHuOc9/6ta1l92AhxtoGqSYSziUpidfKMTH+R9twIDAQAB';

const TOOLBAR_BUTTON = { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } };

// Suggested keys checked free in Chromium (Alt+Shift+B, C, A, N, P, R, W, X, Z are taken) and
// away from Firefox's and Edge's own; users change them on the browser's shortcuts page.
const shortcut = (key: string, description: string) => ({
  suggested_key: { default: `Alt+Shift+${key}` },
  description: `__MSG_${description}__`,
});

export default defineConfig({
  imports: false,
  // Extension pages load from disk in browsers that all know modulepreload: no polyfill for it.
  vite: () => ({ build: { modulePreload: { polyfill: false } } }),
  // webextension-polyfill goes into the worker's own build only. The pages call promise APIs that
  // Chrome (MV3) and Firefox (`browser`) both have natively, and skip its 3 kB and start-up.
  hooks: {
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
      const alias = { 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' };
      config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } };
    },
  },
  // Firefox's reviewers get the sources: everything but what tests and builds leave behind, the
  // releases, and any signing key (a .pem) someone keeps in the folder.
  zip: { excludeSources: ['test-results/**', 'coverage/**', 'release/**', '**/*.pem'] },
  manifest: ({ mode, browser, manifestVersion }) => {
    const mv2 = manifestVersion === 2;
    const granted = mode === 'e2e' ? LOOPBACK : [];
    // The e2e build holds `history` from the start: no one can answer its prompt in automation.
    const grantedApis = mode === 'e2e' ? ['history'] : [];
    const optionalApis = mode === 'e2e' ? [] : ['history'];
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      // WXT puts public/icon/*.png (drawn from public/icon.svg) in `icons` only: the toolbar
      // button gets them too, under MV2's key in the Firefox build (WXT drops `action` there).
      ...(mv2 ? { browser_action: TOOLBAR_BUTTON } : { action: TOOLBAR_BUTTON }),
      // MV2 has no separate host permission keys: origins go with the API permissions.
      // webRequest: to see a web app's own sign-out (observation only, on the granted server).
      // scripting: the opt-in clean address bar, which can inject only where host permission was
      // granted (the server); it adds no install warning, so it is no optional permission.
      permissions: ['storage', 'alarms', 'contextMenus', 'webRequest', 'scripting', ...grantedApis, ...(mv2 ? granted : [])],
      // notifications: asked only when the user turns on "Notify me when more conversations wait".
      // history: only when the user turns on "Also delete the signed address from history".
      ...(mv2
        ? { optional_permissions: [...ANY_SERVER, 'notifications', ...optionalApis] }
        : { optional_host_permissions: ANY_SERVER, host_permissions: granted, optional_permissions: ['notifications', ...optionalApis] }),
      ...(browser === 'firefox' && {
        browser_specific_settings: {
          gecko: {
            id: 'launchpad@bytedesk.local',
            strict_min_version: '115.0', // storage.session
            // Nothing goes to the developers: tokens and passwords go only to the user's own server.
            data_collection_permissions: { required: ['none'] },
          },
        },
      }),
      // What the organisation's policy may set (storage.managed); Chrome checks it, Firefox ignores it.
      storage: { managed_schema: 'managed_schema.json' },
      ...(mode === 'e2e' && browser === 'chrome' && { key: E2E_KEY }),
      // Type "bdk", a space, then a path ("ticket", "admin dashboard") in the address bar.
      omnibox: { keyword: 'bdk' },
      commands: {
        [mv2 ? '_execute_browser_action' : '_execute_action']: shortcut('L', 'command_popup'),
        'open-agent-ticket': shortcut('K', 'command_agent_ticket'),
        'open-agent-chat': shortcut('M', 'command_agent_chat'),
        'open-admin-dashboard': shortcut('D', 'command_admin_dashboard'),
      },
    };
  },
});
