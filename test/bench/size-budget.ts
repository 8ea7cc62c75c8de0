// The size budget: the gzip of what each page and the worker load, against SIZE_BUDGETS. Reads a
// production build (`npm run size` makes one first); exits 1 naming each closure over budget.
// Usage: node test/bench/size-budget.ts [build folder, default .output/chrome-mv3]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleClosures, formatKB, overBudget, SIZE_BUDGETS } from './bundle-sizes.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const buildDir = resolve(process.argv[2] ?? join(ROOT, '.output', 'chrome-mv3'));

if (!existsSync(join(buildDir, 'manifest.json'))) {
  console.error(`size budget: no build at ${buildDir}. Run \`npm run build\` first (or \`npm run size\`, which does).`);
  process.exit(1);
}

const closures = bundleClosures(buildDir);
console.log(`gzip of what each page and the worker load (${buildDir}; 1 kB = 1000 bytes):`);
for (const [name, closure] of Object.entries(closures)) {
  const budget = SIZE_BUDGETS[name];
  const limit = budget === undefined ? 'no budget' : `budget ${formatKB(budget)}`;
  const lazy = closure.lazy.length > 0 ? `, ${formatKB(closure.lazyGzipBytes)} more loaded lazily` : '';
  console.log(`  ${name.padEnd(8)} ${formatKB(closure.gzipBytes).padStart(9)}  (${limit}; ${closure.files.length} files${lazy})`);
}

const problems = overBudget(closures);
if (problems.length > 0) {
  console.error(`\nsize budget exceeded:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  process.exit(1);
}
console.log('All within budget.');
