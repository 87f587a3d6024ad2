// Worker-thread entry: runs prepareFeed for the pool (prepare-pool.ts). One message in, one out.
import { parentPort } from 'node:worker_threads'
import { prepareFeed, type PrepareInput } from './prepare-feed'

parentPort?.on('message', (message: { id: number; input: PrepareInput }) => {
  prepareFeed(message.input).then(
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
