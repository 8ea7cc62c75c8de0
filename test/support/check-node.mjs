// First step of `npm test`: the toolchain targets Node 22 LTS. npm runs scripts with the pinned
// `node` devDependency first on PATH, so this holds even where the system Node is older.
const major = Number(process.versions.node.split('.')[0]);
console.log(`node ${process.version} (${process.execPath})`);
if (major < 22) {
  console.error('Node 22 or newer is needed: run the tests through npm (npm test), which uses the pinned node@22.');
  process.exit(1);
}
