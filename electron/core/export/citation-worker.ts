// Worker-thread entry of the citation renderer (citation-renderer.ts): citeproc and its engines
// live here, so building a style's engine and rendering an export's citations never hold up the
// core's event loop, and run while the core reads the articles they cite.
import { parentPort } from 'node:worker_threads'
import { runCitationJob, type CitationJob } from './citation-jobs'

parentPort?.on('message', (message: { id: number; job: CitationJob }) => {
  try {
    parentPort?.postMessage({ id: message.id, ok: true, texts: runCitationJob(message.job) })
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      ok: false,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
  }
})
