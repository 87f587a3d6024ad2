// Worker-thread entry of the search indexer (index-worker.ts): runs one IndexJob per message and
// answers with its reply, moving the result's buffers rather than copying them.
import { parentPort } from 'node:worker_threads'
import { runIndexJob, transferablesOfReply, type IndexJob } from './index-jobs'

parentPort?.on('message', (message: { id: number; job: IndexJob }) => {
  runIndexJob(message.job).then(
    (reply) =>
      parentPort?.postMessage({ id: message.id, ok: true, reply }, transferablesOfReply(reply)),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        ok: false,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  )
})
