// Entry point of `npm run serve`: the browser shell alone.
import { runBrowserShell } from './run-browser-shell'

runBrowserShell(process.argv.slice(2), __dirname).catch((error: unknown) => {
  console.error(
    `Could not start the browser shell: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
})
