// The sanitize worker, also appending one line per body it is asked to sanitize to the file named
// by READER_SANITIZE_LOG — for tests that check which opens reach the sanitizer.
require('tsx/cjs')
const { appendFileSync } = require('node:fs')
const { parentPort } = require('node:worker_threads')
parentPort.on('message', ({ html }) => {
  if (process.env.READER_SANITIZE_LOG)
    appendFileSync(process.env.READER_SANITIZE_LOG, `${html.length}\n`)
})
require('../../electron/core/articles/sanitize-worker.ts')
