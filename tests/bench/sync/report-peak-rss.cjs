// Preloaded into the CLI by the sync benchmark (node --require): at exit, writes the process's
// peak resident memory (all threads) to the file named by READER_BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs')

process.on('exit', () => {
  const file = process.env.READER_BENCH_RSS_FILE
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024))
})
