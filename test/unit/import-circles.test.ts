import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The product's files import in one direction: a circle (a -> b -> a, types included) means two
// modules that cannot be understood, tested or loaded one without the other.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PRODUCT = ['entrypoints', 'components', 'lib'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => join(folder, file));
}

/** Every relative module a file names: static imports and re-exports, `import type`, `import('…')`. */
export function importsOf(text: string): string[] {
  const named = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
  const inline = [...text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return [...named, ...inline];
}

function resolveModule(from: string, specifier: string, files: Set<string>): string | null {
  const base = join(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((c) => files.has(c)) ?? null;
}

/** The import graph of the product's files, by path from the project's root. */
function importGraph(): Map<string, string[]> {
  const files = new Set(PRODUCT.flatMap(sourceFiles));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = importsOf(text).map((s) => resolveModule(file, s, files)).filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Each circle once, as the files on it (Tarjan's strongly connected components of more than one file, or a file importing itself). */
export function circles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the import graph', () => {
  it.each([
    ['no circle', { a: ['b'], b: ['c'], c: [] }, []],
    ['two files importing each other', { a: ['b'], b: ['a'] }, [['a', 'b']]],
    ['a longer circle beside a clean file', { a: ['b'], b: ['c'], c: ['a'], d: ['a'] }, [['a', 'b', 'c']]],
    ['a file importing itself', { a: ['a'] }, [['a']]],
  ])('finds circles: %s', (_, edges, expected) => {
    expect(circles(new Map(Object.entries(edges)))).toEqual(expected);
  });

  it.each([
    ["import { a } from './a';", ['./a']],
    ["import type { B } from '../b';\nexport { c } from './c';", ['../b', './c']],
    ["type W = import('./work/waiting').WaitingState;", ['./work/waiting']],
    ["import { browser } from 'wxt/browser';", []],
  ])('reads the modules a file names: %s', (text, expected) => {
    expect(importsOf(text)).toEqual(expected);
  });

  it('has no import circle among the product files', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(circles(graph).map((circle) => circle.map((file) => relative('.', file)))).toEqual([]);
  });
});
