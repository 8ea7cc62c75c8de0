// `npm run demo`: builds the e2e extension, starts the stand-in Bytedesk server, and (when there
// is a display) opens Chromium with the extension loaded and already pointed at that server.
//   node test/demo.ts [--port 9003] [--token-lifetime <seconds>] [--unreplied <n>]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS, startStandInServer, type StandInServer } from './server/bytedesk-server.ts';
import { readFlags, serverBanner, YEAR_S } from './server/cli-support.ts';
import { EXTENSION_DIR, launchExtension, type ExtensionHarness } from './e2e/harness.ts';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const HELP = `Bytedesk Launchpad demo: the extension against a local stand-in Bytedesk server.

Usage: npm run demo -- [options]

  --port <n>             port of the stand-in server (default 9003, Bytedesk's own)
  --token-lifetime <s>   lifetime of the tokens it mints, in seconds (default 365 days)
  --unreplied <n>        conversations waiting for each agent's reply (default 0)
  -h, --help             show this help
`;

const step = (text: string) => process.stdout.write(`\n==> ${text}\n`);

/** `wxt build --mode e2e` on this same Node, so the pinned Node 22 builds it. */
function buildExtension(): Promise<void> {
  const wxtBin = join(PROJECT_ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  if (!existsSync(wxtBin)) return Promise.reject(new Error(`${wxtBin} is missing: run \`npm ci\` first`));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [wxtBin, 'build', '--mode', 'e2e'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code, signal) =>
      code === 0 ? done() : fail(new Error(`wxt build --mode e2e failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

const flags = readFlags(HELP, {
  port: '9003',
  'token-lifetime': String(YEAR_S),
  unreplied: '0',
});
const port = flags.wholeNumber('port', 0);
const lifetime = flags.wholeNumber('token-lifetime', 1);
const unreplied = flags.wholeNumber('unreplied', 0);

let server: StandInServer | null = null;
let browser: ExtensionHarness | null = null;
let stopping = false;

async function stop(reason: string, code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${reason}: shutting down…\n`);
  const timer = setTimeout(() => process.exit(code || 1), 10_000);
  timer.unref();
  try {
    await browser?.close();
  } catch (error) {
    console.error('closing the browser failed:', error);
  }
  try {
    await server?.close();
  } catch (error) {
    console.error('closing the server failed:', error);
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGHUP', () => void stop('SIGHUP'));

try {
  step('Building the extension (wxt build --mode e2e)');
  await buildExtension();
  if (stopping) await new Promise(() => {}); // a signal arrived during the build: stop() exits

  step('Starting the stand-in Bytedesk server');
  try {
    server = await startStandInServer({ port, host: '127.0.0.1', tokenLifetimeSeconds: lifetime });
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw new Error(inUse ? `port ${port} is already in use: pass another with --port` : String(error), {
      cause: error,
    });
  }
  for (const user of DEMO_USERS) if (!user.superUser) server.setWaiting(user.username, { unreplied });
  process.stdout.write(`${serverBanner(server, lifetime)}\n`);

  const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (display) {
    step(`Opening Chromium on display ${display}`);
    browser = await launchExtension({ headless: false, handleSignals: false });
    await browser.configureServer(server.url);
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/agent/auth/login`);
    browser.context.on('close', () => void stop('browser closed'));
    process.stdout.write(
      [
        `Chromium is running with the extension (id ${browser.extensionId}) set to ${server.url}.`,
        'Sign in from the toolbar button, then open a workspace. Close the browser or press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } else {
    step('No display (neither DISPLAY nor WAYLAND_DISPLAY is set): not opening a browser');
    process.stdout.write(
      [
        'Load the extension yourself: chrome://extensions → Developer mode → Load unpacked →',
        `  ${EXTENSION_DIR}`,
        `Then set the server to ${server.url} in the extension (this build may call 127.0.0.1 without asking).`,
        'The server keeps running until Ctrl-C.',
        '',
      ].join('\n'),
    );
  }
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  await stop('error', 1);
}
