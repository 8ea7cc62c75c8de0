// Benchmark: what users feel, each figure against a baseline measured in the same run (so the
// figures mean the same on a slow or a busy machine), beside the target of issue 8 (figures.ts).
// Timings are reported, never asserted; the size budget is checked by `npm run size`.
// Run: npm run bench [-- --runs 15] [-- --only opens|loads]. Prints a Markdown table, writes test-results/bench.json.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { startServerForTest } from '../e2e/harness.ts';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { benchCopyOf, launchBenchBrowser, type BenchBrowser } from './bench-browser.ts';
import { bundleClosures, KB, SIZE_BUDGETS } from './bundle-sizes.ts';
import { SIZES } from './figures.ts';
import { coldPopupSeries, shortcutSeries, urlOpenedBy, type OpenTiming } from './opens.ts';
import { installReadyMark, loadSeries, POPUP_VIEWPORT, TAB_VIEWPORT, type LoadTiming } from './page-loads.ts';
import { sizeFigure, table, timingFigure, writeJson, type Figure, type SizeFigure, type TimingFigure } from './report.ts';
import type { Paired } from './series.ts';
import { signInAgainst } from './sign-in.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const PRODUCTION_BUILD = join(ROOT, '.output', 'chrome-mv3');
const RESULTS = join(ROOT, 'test-results', 'bench.json');
const TIME_LIMIT_MS = 285_000;
const SHORTCUT = 'open-agent-ticket'; // wxt.config.ts, lib/ways-in/shortcuts.ts
const TICKET_ENTRY = /ticket|工单/i;
const SERVER_AWAY_MS = 100;
// The agent signInAgainst signs in, and what waits for them.
const WAITING = { username: 'agent1@email.com', unreplied: 3 } as const;

/** `only: 'opens'` skips the page loads (a quicker look at opening pages); `only: 'loads'` skips the opens. */
type Counts = { runs: number; warmup: number; only?: string };

function progress(message: string): void {
  console.error(`bench: ${message}`);
}

function buildProduction(): void {
  try {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`wxt build failed:\n${output.stdout ?? ''}${output.stderr ?? ''}`);
  }
}

function sizeFigures(): SizeFigure[] {
  const closures = bundleClosures(PRODUCTION_BUILD);
  const gzipOf = (files: string[]) =>
    files.reduce((sum, file) => sum + gzipSync(readFileSync(join(ROOT, 'node_modules', file)), { level: 9 }).length, 0);
  return SIZES.map((spec) => {
    const closure = closures[spec.closure];
    if (!closure) throw new Error(`The production build has no ${spec.closure} (it has ${Object.keys(closures).join(', ')})`);
    return sizeFigure(spec, closure, gzipOf(spec.floor), SIZE_BUDGETS[spec.closure]!);
  });
}

/** The runs' numbers, leaving out those the browser did not report (a paint never seen). */
function numbers<T>(paired: Paired<T>, pick: (value: T) => number | null): Paired<number> {
  const present = (list: T[]) => list.map(pick).filter((v): v is number => v !== null);
  return { measured: present(paired.measured), baseline: present(paired.baseline) };
}

async function pageLoads(browser: BenchBrowser, state: 'first-run' | 'signed-in', counts: Counts) {
  progress(`${state}: popup loads`);
  const popup = await loadSeries(browser, 'popup.html', POPUP_VIEWPORT, counts);
  progress(`${state}: options page loads`);
  const options = await loadSeries(browser, 'options.html', TAB_VIEWPORT, counts);
  const ready = (t: LoadTiming) => t.readyMs;
  return {
    popupReady: timingFigure(`popup-ready-${state}`, numbers(popup, ready)),
    popupFcp: timingFigure(`popup-fcp-${state}`, numbers(popup, (t) => t.fcpMs)),
    optionsReady: timingFigure(`options-ready-${state}`, numbers(options, ready)),
  };
}

async function opens(browser: BenchBrowser, server: StandInServer, counts: Counts): Promise<TimingFigure[]> {
  const ms = (t: OpenTiming) => t.ms;
  const openedUrl = (series: Paired<OpenTiming>) => series.measured[0]?.url ?? '';
  server.setResponseDelay(null);
  const url = await urlOpenedBy(browser, SHORTCUT);
  if (!url.startsWith(server.url)) progress(`note: the shortcut's tab was created on ${url.split('?')[0]}, not the server`);
  progress('shortcut opens, server answering at once');
  const warm = await shortcutSeries(browser, SHORTCUT, url, counts);
  progress(`shortcut opens, server ${SERVER_AWAY_MS} ms away`);
  server.setResponseDelay(SERVER_AWAY_MS);
  const away = await shortcutSeries(browser, SHORTCUT, url, counts).finally(() => server.setResponseDelay(null));
  progress('popup clicks, worker stopped first');
  const cold = await coldPopupSeries(browser, TICKET_ENTRY, url, counts);
  return [
    timingFigure('shortcut-open', numbers(warm, ms), openedUrl(warm)),
    timingFigure('shortcut-open-server-100ms', numbers(away, ms), openedUrl(away)),
    timingFigure('popup-click-open-cold', numbers(cold, ms), openedUrl(cold)),
  ];
}

/** Every timing figure, in the order. */
async function timings(browser: BenchBrowser, server: StandInServer, counts: Counts): Promise<TimingFigure[]> {
  if (counts.only === 'opens') {
    await signInAgainst(browser, server.url);
    return opens(browser, server, counts);
  }
  await installReadyMark(browser);
  const firstRun = await pageLoads(browser, 'first-run', counts);
  progress('signing in through the stand-in server');
  await signInAgainst(browser, server.url);
  const signedIn = await pageLoads(browser, 'signed-in', counts);
  const loads = [
    firstRun.popupReady,
    signedIn.popupReady,
    firstRun.popupFcp,
    signedIn.popupFcp,
    firstRun.optionsReady,
    signedIn.optionsReady,
  ];
  return counts.only === 'loads' ? loads : [...loads, ...(await opens(browser, server, counts))];
}

function gitCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' }, only: { type: 'string' } } });
  const counts: Counts = { runs: Math.max(1, Number(args.runs) || 15), warmup: 2, only: args.only };
  const started = Date.now();
  progress('production build (wxt build)');
  buildProduction();
  const sizes = sizeFigures();
  const extension = benchCopyOf(PRODUCTION_BUILD);
  let server: StandInServer | undefined;
  let browser: BenchBrowser | undefined;
  // Over time, the browser is closed: whatever waits on it fails, and the cleanup below runs.
  let timedOut = false;
  const watchdog = setTimeout(() => {
    timedOut = true;
    void browser?.close();
  }, TIME_LIMIT_MS);
  try {
    server = await startServerForTest();
    // Signed in, the popup is measured with the waiting count at work: conversations wait, the
    // worker's alarm polls, and every popup opened asks for the count (issue 11).
    server.setWaiting(WAITING.username, { unreplied: WAITING.unreplied });
    browser = await launchBenchBrowser(extension);
    const figures: Figure[] = [...(await timings(browser, server, counts)), ...sizes];
    const seconds = Math.round((Date.now() - started) / 1000);
    writeJson(RESULTS, {
      date: new Date().toISOString(),
      commit: gitCommit(),
      chromium: browser.chromiumVersion,
      node: process.version,
      cpus: availableParallelism(),
      runsPerFigure: counts.runs,
      warmupPairsDropped: counts.warmup,
      statistic: 'median of the runs; ratio = measured median / baseline median',
      build:
        'Production build (wxt build, .output/chrome-mv3), copied, the loopback host permission added to the ' +
        "copy's manifest (as the e2e build has it) and bench-baseline.html added; sizes from the build itself.",
      server:
        `stand-in Bytedesk server on ${server.url}; signed in as ${WAITING.username} (session storage), ` +
        `${WAITING.unreplied} conversations waiting for a reply (the count polled)`,
      kB: KB,
      seconds,
      figures,
    });
    console.log(table(figures));
    console.log(`\n${figures.length} figures, median of ${counts.runs} runs, in ${seconds} s; written to ${RESULTS}`);
  } catch (error) {
    throw timedOut ? new Error(`The benchmark ran over ${TIME_LIMIT_MS / 1000} s and was stopped`, { cause: error }) : error;
  } finally {
    clearTimeout(watchdog);
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    rmSync(extension, { recursive: true, force: true });
  }
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
