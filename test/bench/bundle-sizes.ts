// What each page and the background worker load, and its gzip size: the entry (a page's HTML,
// the manifest's service worker) and every file it pulls in, followed through the <script> and
// <link rel=modulepreload|stylesheet> tags of the HTML and the static `import`/`export … from`
// of the built JavaScript. Shared by the benchmark and the size budget (npm run size).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Sizes are in kB of 1000 bytes. */
export const KB = 1000;

/**
 * The most each closure may weigh, gzip, in bytes (issue 8). A page of the build that is not
 * listed is reported but not checked.
 */
export const SIZE_BUDGETS: Readonly<Record<string, number>> = {
  // Issue 8's popup (page names, account area, sign-in choices, the lock) weighed 14.6 kB. Issues
  // 9-11 added the profile switcher and host-access prompt, the waiting count, the actions in the
  // list and the share button (their panels load on first use): 19.6 kB. Checking every stored item
  // as it is read (junk repaired, never a crash) added 1.6 kB to every page; the sign-in form now
  // loads only when signed out and the apps' page catalogue after the first frame: 21.7 kB.
  popup: 22 * KB,
  // Profiles, managed policy, the waiting count's poller and notices, actions, the clean address
  // bar; then the stored-item checks, the sessions ended when their profile moves, the healing of
  // pages opened on a token revoked elsewhere, and the apps' page catalogue for the address bar.
  worker: 31 * KB,
  // Profiles, policy notice, waiting count, the repairs notice; export/import, links to share and
  // actions load after.
  options: 24.5 * KB,
  // The paced, resumable batch with CSV files and its summary, kept line by line, its limits.
  users: 22.5 * KB,
};

export interface FileSize {
  /** Relative to the build folder. */
  file: string;
  bytes: number;
  /** gzip -9 of this file alone: each file is its own response. */
  gzipBytes: number;
}

export interface Closure {
  /** The entry, relative to the build folder: `popup.html`, `background.js`. */
  entry: string;
  /** What loads at start: the entry and everything it imports, statically, recursively. */
  files: FileSize[];
  bytes: number;
  /** The sum of the files' own gzip sizes. */
  gzipBytes: number;
  /** Reached only through a dynamic `import()`: loaded later, if ever; not in gzipBytes. */
  lazy: FileSize[];
  lazyGzipBytes: number;
}

// Pages of the bench itself, added to a copy of the build, never part of the product.
const NOT_PRODUCT = /^bench-/;

/** The closures' names and entries: each top-level page (`popup` → popup.html) and `worker`. */
export function entryPoints(buildDir: string): Record<string, string> {
  const pages = readdirSync(buildDir).filter((name) => name.endsWith('.html') && !NOT_PRODUCT.test(name));
  const entries: Record<string, string> = Object.fromEntries(pages.map((page) => [page.replace(/\.html$/, ''), page]));
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string; scripts?: string[] };
  };
  const worker = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (worker) entries.worker = worker;
  return entries;
}

/** Every closure of the build, by name (see entryPoints), the budgeted ones first. */
export function bundleClosures(buildDir: string): Record<string, Closure> {
  const budgeted = Object.keys(SIZE_BUDGETS);
  const rank = (name: string) => (budgeted.includes(name) ? budgeted.indexOf(name) : budgeted.length);
  const entries = Object.entries(entryPoints(buildDir)).sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries.map(([name, entry]) => [name, closureOf(buildDir, entry)]));
}

/** What `entry` loads, statically and lazily. */
export function closureOf(buildDir: string, entry: string): Closure {
  const root = resolve(buildDir);
  const staticFiles = walk(root, [join(root, entry)], 'static');
  const lazyStarts = [...staticFiles].flatMap((file) => references(root, file).lazy);
  const lazyFiles = [...walk(root, lazyStarts, 'all')].filter((file) => !staticFiles.has(file));
  const files = [...staticFiles].map((file) => sizeOf(root, file));
  const lazy = lazyFiles.map((file) => sizeOf(root, file));
  return {
    entry,
    files,
    bytes: sum(files.map((f) => f.bytes)),
    gzipBytes: sum(files.map((f) => f.gzipBytes)),
    lazy,
    lazyGzipBytes: sum(lazy.map((f) => f.gzipBytes)),
  };
}

/** `14.2 kB` */
export function formatKB(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} kB`;
}

/** One line per closure over its budget, or missing from the build; empty when all fit. */
export function overBudget(closures: Record<string, Closure>, budgets = SIZE_BUDGETS): string[] {
  return Object.entries(budgets).flatMap(([name, budget]) => {
    const closure = closures[name];
    if (!closure) return [`${name}: not in the build (renamed? then rename its budget too)`];
    if (closure.gzipBytes <= budget) return [];
    const files = [...closure.files].sort((a, b) => b.gzipBytes - a.gzipBytes);
    const biggest = files.slice(0, 3).map((f) => `${f.file} ${formatKB(f.gzipBytes)}`).join(', ');
    return [
      `${name}: ${formatKB(closure.gzipBytes)} gzip, over its budget of ${formatKB(budget)} by ` +
        `${formatKB(closure.gzipBytes - budget)} (largest: ${biggest})`,
    ];
  });
}

function walk(root: string, starts: string[], follow: 'static' | 'all'): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const refs = references(root, file);
    queue.push(...refs.static, ...(follow === 'all' ? refs.lazy : []));
  }
  return seen;
}

interface References {
  static: string[];
  lazy: string[];
}

// Minified module output puts its static imports and re-exports at statement starts.
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`]([^"'`\n]+)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'`]([^"'`\n]+)["'`]\s*\)/g;
const HTML_TAG = /<(script|link)\b[^>]*>/gi;

function references(root: string, file: string): References {
  const text = readFileSync(file, 'utf8');
  const inThisBuild = (refs: string[]) => refs.map((ref) => inBuild(root, file, ref)).filter(isFile);
  if (file.endsWith('.html')) return { static: inThisBuild(htmlReferences(text)), lazy: [] };
  if (!/\.m?js$/.test(file)) return { static: [], lazy: [] };
  const specifiers = (pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]!);
  return { static: inThisBuild(specifiers(STATIC_IMPORT)), lazy: inThisBuild(specifiers(DYNAMIC_IMPORT)) };
}

function htmlReferences(html: string): string[] {
  return [...html.matchAll(HTML_TAG)].flatMap(([tag, name]) => {
    const attribute = (key: string) => new RegExp(`\\b${key}\\s*=\\s*["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1];
    if (name!.toLowerCase() === 'script') return attribute('src') ?? [];
    const rel = attribute('rel')?.toLowerCase();
    return rel === 'modulepreload' || rel === 'stylesheet' ? (attribute('href') ?? []) : [];
  });
}

/** The file a reference names, when it is one of the build's own (else null: a URL, a bare name). */
function inBuild(root: string, from: string, ref: string): string | null {
  if (/^[a-z][\w+.-]*:/i.test(ref) || ref.startsWith('//')) return null;
  const path = ref.split(/[?#]/)[0]!;
  if (!path.startsWith('/') && !path.startsWith('.')) return null;
  const file = path.startsWith('/') ? join(root, path) : resolve(dirname(from), path);
  return file.startsWith(`${root}/`) && existsSync(file) ? file : null;
}

const isFile = (file: string | null): file is string => file !== null;

function sizeOf(root: string, file: string): FileSize {
  const content = readFileSync(file);
  return { file: relative(root, file), bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
