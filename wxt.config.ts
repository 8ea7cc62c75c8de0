import { defineConfig } from 'wxt';

// The e2e build (`--mode e2e`) is granted the loopback server up front: in headless automation
// nobody can answer the browser's permission prompt. Real builds ask at runtime, per origin.
const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'contextMenus'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    host_permissions: mode === 'e2e' ? LOOPBACK : [],
    ...(browser === 'firefox' && {
      // 115: storage.session in Firefox.
      browser_specific_settings: { gecko: { id: 'launchpad@bytedesk.local', strict_min_version: '115.0' } },
    }),
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_command_popup__',
      },
      'open-agent-ticket': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_command_agent_ticket__',
      },
      'open-agent-chat': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_command_agent_chat__',
      },
      'open-admin-dashboard': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_command_admin_dashboard__',
      },
    },
  }),
});
