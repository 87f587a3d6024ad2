// Runs the TypeScript source of the citation worker in a real worker thread (tests, benchmarks
// without a build): registers tsx's require hook, then loads the worker module.
require('tsx/cjs')
require('../../electron/core/export/citation-worker.ts')
