// The sanitize worker, except that it hangs on a body holding <!--hang--> and dies on one holding
// <!--crash--> — for the tests of the sanitizer's time limit and crash handling.
require('tsx/cjs')
const { parentPort } = require('node:worker_threads')
parentPort.on('message', ({ html }) => {
  if (html.includes('<!--crash-->')) process.exit(3)
  if (html.includes('<!--hang-->')) for (;;);
})
require('../../electron/core/articles/sanitize-worker.ts')
