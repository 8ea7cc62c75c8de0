// The closure walk behind the size budget (npm run size) and the benchmark's size figures, on a
// small hand-made build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleClosures, closureOf, entryPoints, overBudget, type Closure } from '../bench/bundle-sizes.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function build(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-sizes-'));
  dirs.push(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

const names = (closure: Closure) => closure.files.map((f) => f.file).sort();

const MANIFEST = JSON.stringify({ manifest_version: 3, background: { service_worker: 'background.js', type: 'module' } });

describe('bundle closures', () => {
  it("follows a page's script, modulepreload and stylesheet tags and the built JS's static imports", () => {
    const dir = build({
      'manifest.json': MANIFEST,
      'popup.html':
        '<html><head><script type="module" crossorigin src="/chunks/popup.js"></script>' +
        '<link rel="modulepreload" crossorigin href="/chunks/shared.js"><link crossorigin rel="stylesheet" href="/assets/popup.css">' +
        '<link rel="icon" href="/icon.png"></head><body></body></html>',
      'chunks/popup.js': 'import{a as e}from"./shared.js";import"./side-effect.js";export*from"./reexported.js";e();',
      'chunks/shared.js': 'import{b}from"./deep.js";export const a=()=>b;',
      'chunks/deep.js': 'export const b=1;',
      'chunks/side-effect.js': 'console.log(1);',
      'chunks/reexported.js': 'export const c=2;',
      'chunks/unrelated.js': 'export const d=3;',
      'assets/popup.css': 'body{margin:0}',
      'icon.png': 'png',
      'background.js': 'import{a}from"./chunks/shared.js";a();',
    });
    expect(names(closureOf(dir, 'popup.html'))).toEqual([
      'assets/popup.css',
      'chunks/deep.js',
      'chunks/popup.js',
      'chunks/reexported.js',
      'chunks/shared.js',
      'chunks/side-effect.js',
      'popup.html',
    ]);
    expect(names(closureOf(dir, 'background.js'))).toEqual(['background.js', 'chunks/deep.js', 'chunks/shared.js']);
  });

  it('lists chunks reached only through import() apart, and does not count them', () => {
    const dir = build({
      'manifest.json': MANIFEST,
      'background.js': 'import{a}from"./chunks/a.js";const later=()=>import("./chunks/lazy.js");',
      'chunks/a.js': 'export const a=1;',
      'chunks/lazy.js': 'import{a}from"./a.js";import{z}from"./lazy-dep.js";export default a+z;',
      'chunks/lazy-dep.js': 'export const z=1;',
    });
    const closure = closureOf(dir, 'background.js');
    expect(names(closure)).toEqual(['background.js', 'chunks/a.js']);
    expect(closure.lazy.map((f) => f.file).sort()).toEqual(['chunks/lazy-dep.js', 'chunks/lazy.js']);
    expect(closure.gzipBytes).toBe(closure.files.reduce((sum, f) => sum + f.gzipBytes, 0));
  });

  it.each([
    ['a URL', 'import{a}from"https://example.com/a.js";'],
    ['a bare package name', 'import{a}from"preact";'],
    ['a file that is not in the build', 'import{a}from"./missing.js";'],
    ['a path out of the build folder', 'import{a}from"../../etc/passwd";'],
  ])('ignores %s', (_, source) => {
    const dir = build({ 'manifest.json': MANIFEST, 'background.js': source });
    expect(names(closureOf(dir, 'background.js'))).toEqual(['background.js']);
  });

  it("names each top-level page and the manifest's service worker, and not the bench's own pages", () => {
    const dir = build({
      'manifest.json': MANIFEST,
      'popup.html': '',
      'options.html': '',
      'bench-baseline.html': '',
      'background.js': '',
    });
    expect(entryPoints(dir)).toEqual({ options: 'options.html', popup: 'popup.html', worker: 'background.js' });
    expect(Object.keys(bundleClosures(dir)).slice(0, 2)).toEqual(['popup', 'worker']);
  });

  it('names each closure over its budget, and a budgeted one missing from the build', () => {
    const closure = (gzipBytes: number): Closure => ({
      entry: 'x',
      files: [{ file: 'chunks/big.js', bytes: gzipBytes * 3, gzipBytes }],
      bytes: gzipBytes * 3,
      gzipBytes,
      lazy: [],
      lazyGzipBytes: 0,
    });
    const problems = overBudget({ popup: closure(14_500), worker: closure(20_000) }, { popup: 14_000, worker: 20_000, users: 18_000 });
    expect(problems).toEqual([
      'popup: 14.5 kB gzip, over its budget of 14.0 kB by 0.5 kB (largest: chunks/big.js 14.5 kB)',
      'users: not in the build (renamed? then rename its budget too)',
    ]);
  });
});
