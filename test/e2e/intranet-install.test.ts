// The README's intranet install, followed as written: from the committed sources (`git archive
// HEAD`, a fresh clone's files; node_modules linked, as after `npm ci`), the README's commands make
// a key and the release, the folder is served from 127.0.0.1, and the README's policy file (written
// as root, under a name of its own, always removed) has a fresh Chromium install it by itself.
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { chromiumExecutable, startServerForTest } from './harness.ts';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const POLICY_FILE = '/etc/chromium/policies/managed/launchpad-intranet-e2e.json';
const README_HOST = 'https://intranet.example.com/launchpad/';
const README_SERVER = 'https://desk.example.com';

/** The shell and JSON blocks of the README's intranet recipe, as written. */
function readmeRecipe(): { shell: string; policy: string } {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const recipe = readme.slice(readme.indexOf('**Chrome and Edge on an intranet, without a store.**'));
  const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(recipe)?.[1];
  const shell = block('sh');
  const policy = block('json');
  if (!shell || !policy) throw new Error("README's intranet recipe (its sh and json blocks) not found");
  return { shell, policy };
}

/** A web server for the published folder, logging what the browser fetched. */
async function intranetServer(folder: () => string): Promise<{ server: Server; url: string; fetched: string[] }> {
  const fetched: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    fetched.push(path);
    const name = path.replace(/^\/launchpad\//, '');
    try {
      if (name.includes('/') || name === path) throw new Error('not in the folder');
      const body = readFileSync(join(folder(), name));
      response.writeHead(200, { 'content-type': name.endsWith('.xml') ? 'text/xml' : 'application/x-chrome-extension' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}/launchpad/`, fetched };
}

let work: string;
let clone: string;
let version: string;
let extensionId: string;
let printed: string;
let intranet: Awaited<ReturnType<typeof intranetServer>>;
let desk: StandInServer;
let context: BrowserContext | undefined;
let worker: Worker;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'launchpad-intranet-'));
  clone = join(work, 'clone');
  const home = join(work, 'home');
  mkdirSync(clone);
  mkdirSync(home);
  execSync(`git archive HEAD | tar -x -C ${JSON.stringify(clone)}`, { cwd: PROJECT_ROOT });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(clone, 'node_modules'));
  version = (JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { version: string }).version;

  intranet = await intranetServer(() => join(clone, 'release', version));
  desk = await startServerForTest();
  const { shell, policy } = readmeRecipe();
  printed = execFileSync('bash', ['-euo', 'pipefail', '-c', shell.replaceAll(README_HOST, intranet.url)], {
    cwd: clone,
    env: { ...process.env, HOME: home },
    encoding: 'utf8',
    timeout: 150_000,
  });
  extensionId = readFileSync(join(clone, 'release', version, 'extension-id.txt'), 'utf8').trim();

  const written = JSON.parse(
    policy.replaceAll('<extension id>', extensionId).replaceAll(README_HOST, intranet.url).replaceAll(README_SERVER, desk.url),
  ) as Record<string, unknown>;
  // Chromium keeps DevTools (and so the test) out of extensions a policy installed, unless told.
  written.DeveloperToolsAvailability = 1;
  mkdirSync(join(POLICY_FILE, '..'), { recursive: true });
  writeFileSync(`${POLICY_FILE}.partial`, JSON.stringify(written));
  renameSync(`${POLICY_FILE}.partial`, POLICY_FILE);

  // A plain Chromium, no extension loaded: Playwright's defaults turn off extensions and the
  // background networking their installer uses, so those stay on here.
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: chromiumExecutable(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check', '--disable-sync'],
    ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking', '--disable-component-update'],
    timeout: 30_000,
  });
  // No tab before the install (the policy is read at start-up): the worker shows that it came.
  const origin = `chrome-extension://${extensionId}/`;
  const ours = (w: Worker) => w.url().startsWith(origin);
  worker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 60_000 }));
}, 240_000);

afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  rmSync(`${POLICY_FILE}.partial`, { force: true });
  await context?.close().catch(() => {});
  await new Promise((done) => intranet?.server.close(done));
  await desk?.close();
  if (work) rmSync(work, { recursive: true, force: true, maxRetries: 3 });
});

describe("README's intranet install, as written", () => {
  it('the release prints the extension id its key gives, and update.xml names that id and the version', () => {
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    expect(printed).toContain(extensionId);
    const xml = readFileSync(join(clone, 'release', version, 'update.xml'), 'utf8');
    expect(xml).toContain(`appid='${extensionId}'`);
    expect(xml).toContain(`codebase='${intranet.url}bytedesk-launchpad-${version}.crx' version='${version}'`);
  });

  it('a fresh Chromium installs the extension from the intranet by itself, under the id of the key', async () => {
    expect(intranet.fetched).toEqual(expect.arrayContaining(['/launchpad/update.xml', `/launchpad/bytedesk-launchpad-${version}.crx`]));
    expect(await worker.evaluate(() => chrome.runtime.id)).toBe(extensionId);
    expect(await worker.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
  });

  it("the installed extension takes the organisation's server from the same policy file", async () => {
    const settings = () =>
      worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as { profiles: unknown[]; defaultWorkspace: string } | undefined);
    await expect.poll(async () => (await settings())?.profiles, { timeout: 30_000 }).toEqual([
      expect.objectContaining({ name: 'Production', baseUrl: desk.url, managed: true }),
    ]);
    expect((await settings())?.defaultWorkspace).toBe('agent');

    const popup = await context!.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect.poll(() => popup.locator('main').innerText(), { timeout: 10_000 }).toContain(new URL(desk.url).host);
    await popup.close();
  });
});

declare const chrome: {
  runtime: { id: string; getManifest(): { version: string } };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};
