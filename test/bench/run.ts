// Benchmarks: size and speed as ratios against a baseline measured in the same run, so the
// figures mean the same on a slow or a busy machine. Run: npm run bench
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { signedWorkspaceUrl } from '../../lib/workspace/workspace-url.ts';
import { chromiumArgs, chromiumExecutable } from '../e2e/harness.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const BUILD = join(ROOT, '.output', 'chrome-mv3');
const results: Record<string, unknown> = {};

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// 1. Size: each script of the production build against Preact's own runtime, the floor of any Preact UI.
execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
const preact = gz(join(ROOT, 'node_modules/preact/dist/preact.mjs'));
const scripts = filesUnder(BUILD).filter((f) => f.endsWith('.js'));
const sizes = Object.fromEntries(scripts.map((f) => [f.slice(BUILD.length + 1), gz(f)]));
const total = Object.values(sizes).reduce((a, b) => a + b, 0);
results.size = { baselinePreactGzip: preact, scriptsGzip: sizes, totalGzip: total, ratioTotalToPreact: +(total / preact).toFixed(2) };

// 2. Popup first frame: popup.html until its UI is rendered, against the same page without its script.
const ext = mkdtempSync(join(tmpdir(), 'launchpad-bench-'));
cpSync(BUILD, ext, { recursive: true });
writeFileSync(join(ext, 'baseline.html'), readFileSync(join(ext, 'popup.html'), 'utf8').replace(/<script[^>]*><\/script>/g, '<p id="ready">static</p>'));
const profile = mkdtempSync(join(tmpdir(), 'launchpad-bench-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumExecutable(),
  headless: true,
  args: chromiumArgs(ext),
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;
const page = await context.newPage();
async function firstFrame(path: string, selector: string): Promise<number> {
  await page.goto(`chrome-extension://${id}/${path}`);
  await page.waitForSelector(selector);
  return page.evaluate(() => performance.now());
}
const RUNS = 15;
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const popupTimes: number[] = [];
const baseTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  baseTimes.push(await firstFrame('baseline.html', '#ready'));
  popupTimes.push(await firstFrame('popup.html', '#root > *'));
}
results.popupFirstFrame = {
  runs: RUNS,
  baselineStaticPageMs: +median(baseTimes).toFixed(1),
  popupMs: +median(popupTimes).toFixed(1),
  ratio: +(median(popupTimes) / median(baseTimes)).toFixed(2),
};
await context.close();
rmSync(ext, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });

// 3. Workspace URL building (every open) against a bare `new URL` of the same path.
const profileSettings = { id: 'p', baseUrl: 'https://desk.example.com', agentUrl: null, adminUrl: null };
const paths = ['ticket', '/chat', '任意路径/子页?x=1#top', 'auth/login', 'a/b/c?accessToken=old'];
function opsPerSecond(fn: (path: string) => unknown): number {
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < 500) for (const p of paths) fn(p), n++;
  return n / ((performance.now() - start) / 1000);
}
const base = opsPerSecond((p) => new URL(p.replace(/^\//, ''), 'https://desk.example.com/agent/').href);
const ours = opsPerSecond((p) => signedWorkspaceUrl(profileSettings, 'agent', p, 'token'));
results.workspaceUrl = { baselineNewUrlOpsPerS: Math.round(base), signedWorkspaceUrlOpsPerS: Math.round(ours), ratio: +(ours / base).toFixed(2) };

mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(join(ROOT, 'test-results', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
