// Worker-thread entry: runs processFeedJob for the pool (prepare-pool.ts). One message in, one out.
import { parentPort } from 'node:worker_threads'
import { processFeedJob, type FeedJob } from './process-feed-job'

parentPort?.on('message', (message: { id: number; job: FeedJob }) => {
  processFeedJob(message.job).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        result: {
          ok: false,
          error: {
            code: 'internal',
            message: error instanceof Error ? (error.stack ?? error.message) : String(error),
          },
        },
      }),
  )
})
