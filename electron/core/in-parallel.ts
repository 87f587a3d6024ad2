// Runs async work over many ids a few at a time: file reads and durable writes overlap on
// libuv's thread pool (an fsync waits on the disk, not on this thread) without opening hundreds
// of files at once.

/** Runs `work` over `ids`, at most `atOnce` at a time; resolves when all are done. */
export async function inParallel<T>(
  ids: readonly T[],
  atOnce: number,
  work: (id: T) => Promise<unknown>,
): Promise<void> {
  const queue = [...ids]
  await Promise.all(
    Array.from({ length: Math.min(atOnce, queue.length) }, async () => {
      while (queue.length > 0) await work(queue.shift()!)
    }),
  )
}
