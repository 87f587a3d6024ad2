// Build for the three shells. One main-side bundle with several entries: the Electron main
// process (index), the launcher behind `npm start` (start), the browser shell (web) and the CLI
// (cli), and the worker threads: feed parsing (prepare-worker), search indexing (search-worker),
// article sanitizing (sanitize-worker) and citation rendering (citation-worker). Only `index`
// imports 'electron'. lowdb is ESM-only, so it is bundled into the CJS output.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['lowdb', 'steno'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          start: resolve(__dirname, 'electron/launcher/start.ts'),
          web: resolve(__dirname, 'electron/web/main.ts'),
          cli: resolve(__dirname, 'electron/cli/main.ts'),
          'prepare-worker': resolve(__dirname, 'electron/core/sync/prepare-worker.ts'),
          'search-worker': resolve(__dirname, 'electron/core/search/search-worker.ts'),
          'sanitize-worker': resolve(__dirname, 'electron/core/articles/sanitize-worker.ts'),
          'citation-worker': resolve(__dirname, 'electron/core/export/citation-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // The preload runs sandboxed: it cannot require npm packages, so bundle everything.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    // Relative asset URLs: the same build loads from file:// (Electron) and http:// (browser shell).
    base: './',
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
      // electron-vite leaves the renderer unminified: 1.2 MB of script for the window to parse
      // at every start, on two cores it shares with the core's own start-up.
      minify: true,
    },
    plugins: [react()],
  },
})
