// Runs async work over many ids a few at a time (the store reads feeds' files this way), without
// opening hundreds of files at once. Not a way to speed up durable writes: the file system
// serialises their fsyncs (eight at once took as long as one after another).

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
