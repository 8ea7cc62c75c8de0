// The figures of issue 8, each with its baseline, its target and how both are measured (the
// `how` goes into bench.json beside the numbers).

const READY =
  'A new tab per load; in-page performance.now() from navigation start until a MutationObserver (an init script, ' +
  "run before the page's own scripts) sees the first input, button, select or textarea. Baseline: bench-baseline.html, " +
  "popup.html's own head with one module script (chunks/bench-baseline.js) that appends one <button>; same viewport, " +
  'loads interleaved.';

const FCP = "performance.getEntriesByName('first-contentful-paint') of the same loads as \"ready\", against the baseline page's.";

const SHORTCUT =
  'Inside the running service worker, performance.now() from chrome.commands.onCommand.dispatch(command, activeTab) ' +
  'to chrome.tabs.onCreated. Baseline: chrome.tabs.create({ url }) of the URL the shortcut opened, in the same worker, ' +
  'to chrome.tabs.onCreated. Each tab is closed before the next run.';

const COLD =
  'The signed-in popup.html in a tab (360x520); its service worker stopped (DevTools ServiceWorker.stopAllWorkers) and ' +
  'seen stopped; then a real click. From the click event (capture listener in the popup) to chrome.tabs.onCreated in ' +
  'another extension page, both on performance.timeOrigin + performance.now(). Measured: the popup\'s "ticket" entry. ' +
  'Baseline: a button added to the same popup page whose click calls chrome.tabs.create({ url }) itself.';

const SIZE =
  'Sum of gzip -9 of each file loaded at start: the entry (the page HTML, or the manifest service worker), its <script> ' +
  'and <link rel=modulepreload|stylesheet>, and every static import/export-from of the built JS, recursively ' +
  '(production build; 1 kB = 1000 bytes). Chunks reached only through import() are listed apart, not counted.';

export interface TimingSpec {
  figure: string;
  how: string;
  maxRatio: number;
}

export const TIMINGS = {
  'popup-ready-first-run': { figure: 'popup "ready", first run / one-button page', how: READY, maxRatio: 1.7 },
  'popup-ready-signed-in': { figure: 'popup "ready", signed in / one-button page', how: READY, maxRatio: 1.7 },
  'popup-fcp-first-run': { figure: 'popup first contentful paint, first run / one-button page', how: FCP, maxRatio: 1.25 },
  'popup-fcp-signed-in': { figure: 'popup first contentful paint, signed in / one-button page', how: FCP, maxRatio: 1.25 },
  'options-ready-first-run': { figure: 'options page ready, first run / one-button page', how: `${READY} 1280x720.`, maxRatio: 1.7 },
  'options-ready-signed-in': { figure: 'options page ready, signed in / one-button page', how: `${READY} 1280x720.`, maxRatio: 1.7 },
  'shortcut-open': {
    figure: 'shortcut -> its tab created / bare tabs.create, worker warm, server at once',
    how: SHORTCUT,
    maxRatio: 1.2,
  },
  'shortcut-open-server-100ms': {
    figure: 'the same, server 100 ms away (response delay)',
    how: `${SHORTCUT} The stand-in answers every request 100 ms late (setResponseDelay(100)).`,
    maxRatio: 1.2,
  },
  'popup-click-open-cold': {
    figure: 'popup click on "ticket" -> tab created, worker stopped / popup page tabs.create',
    how: COLD,
    maxRatio: 2.0,
  },
} satisfies Record<string, TimingSpec>;

export type TimingId = keyof typeof TIMINGS;

export interface SizeSpec {
  /** The closure's name (see bundle-sizes.ts entryPoints). */
  closure: string;
  figure: string;
  how: string;
  /** The floor it is compared with: files under node_modules, gzip each. */
  floor: string[];
}

const PREACT = ['preact/dist/preact.mjs', 'preact/hooks/dist/hooks.mjs'];
const POLYFILL = ['webextension-polyfill/dist/browser-polyfill.min.js'];
const PAGE_FLOOR = `${SIZE} Baseline: Preact and preact/hooks (their dist files, gzip).`;

export const SIZES: SizeSpec[] = [
  { closure: 'popup', figure: 'gzip of everything the popup loads / Preact + hooks', how: PAGE_FLOOR, floor: PREACT },
  {
    closure: 'worker',
    figure: 'gzip of everything the worker loads / the polyfill',
    how: `${SIZE} Baseline: webextension-polyfill (its min file, gzip).`,
    floor: POLYFILL,
  },
  { closure: 'options', figure: 'gzip of everything the options page loads / Preact + hooks', how: PAGE_FLOOR, floor: PREACT },
  { closure: 'users', figure: 'gzip of everything the users page loads / Preact + hooks', how: PAGE_FLOOR, floor: PREACT },
];
