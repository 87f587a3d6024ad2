#!/usr/bin/env node
// The `reader` command. The CLI is built with the app (npm install runs the build); this stub
// only finds the bundle and says what to do when it is missing.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const bundle = join(__dirname, '..', '..', 'out', 'main', 'cli.js')
if (!existsSync(bundle)) {
  console.error('reader: the app is not built yet; run `npm run build` in the project folder.')
  process.exit(2)
}
require(bundle)
