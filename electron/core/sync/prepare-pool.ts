// Runs feed jobs (process-feed-job.ts: parse, prepare, write bodies) on worker threads so
// parsing never blocks the thread that serves the UI, and uses both cores. Each job has a time limit: a feed that takes longer (a pathological input)
// gets its worker terminated and replaced, and comes back as a 'timeout' value — never a hang.
// Without a worker script (e.g. a caller that did not build one), or when workers cannot start
// (a packaged app whose loader refuses the script), jobs run on this thread instead.
import { cpus } from 'node:os'
import { Worker } from 'node:worker_threads'
import { fail } from '../../../shared/result'
import { processFeedJob, type FeedJob, type FeedJobResult } from './process-feed-job'
import { WORKER_RESOURCE_LIMITS } from '../worker-script'

export type PrepareResult = FeedJobResult

export interface PreparePoolOptions {
  /** Path of the built prepare-worker script; null runs everything on the calling thread. */
  workerScript: string | null
  /** Extra Node flags for workers (tests use `--import tsx` to run the TypeScript source). */
  execArgv?: string[]
  size?: number
  /** Time limit for one feed. */
  timeoutMs?: number
}

export interface PreparePool {
  run(job: FeedJob): Promise<PrepareResult>
  close(): Promise<void>
}

interface Job {
  id: number
  job: FeedJob
  resolve: (result: PrepareResult) => void
}

interface Slot {
  worker: Worker
  job: Job | null
  timer: NodeJS.Timeout | null
  /** Has answered at least once (its script loads). */
  proven: boolean
}

/** The worker script itself could not be loaded (not built, or refused by the app's loader). */
function isLoadFailure(error: Error & { code?: string }): boolean {
  return (
    ['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND', 'ENOENT', 'ENOTDIR', 'ERR_WORKER_PATH'].includes(
      error.code ?? '',
    ) || /Cannot find module/.test(error.message)
  )
}

export const DEFAULT_PREPARE_TIMEOUT_MS = 20_000

export function createPreparePool(options: PreparePoolOptions): PreparePool {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PREPARE_TIMEOUT_MS
  const inThread = async (job: FeedJob): Promise<PrepareResult> => {
    try {
      return await processFeedJob(job)
    } catch (error) {
      return fail('internal', error instanceof Error ? error.message : String(error))
    }
  }
  if (!options.workerScript) return { run: inThread, close: async () => {} }
  const script = options.workerScript
  const size = Math.max(1, options.size ?? Math.min(4, cpus().length))
  const queue: Job[] = []
  const slots: Slot[] = []
  let nextId = 1
  let closed = false
  /** Set when the worker script cannot be loaded: from then on, parse on this thread. */
  let broken = false

  const spawn = (): Slot | null => {
    let worker: Worker
    try {
      worker = new Worker(script, {
        execArgv: options.execArgv ?? [],
        resourceLimits: WORKER_RESOURCE_LIMITS,
      })
    } catch {
      broken = true // e.g. a path Node refuses for workers
      return null
    }
    const slot: Slot = { worker, job: null, timer: null, proven: false }
    slot.worker.unref()
    slot.worker.on('message', (message: { id: number; result: PrepareResult }) => {
      const job = slot.job
      if (!job || job.id !== message.id) return
      slot.proven = true
      finish(slot, message.result)
    })
    slot.worker.on('error', (error: Error & { code?: string }) => {
      if (isLoadFailure(error)) {
        broken = true
        const job = slot.job
        slot.job = null
        if (slot.timer) clearTimeout(slot.timer)
        if (job) void inThread(job.job).then(job.resolve)
        for (const waiting of queue.splice(0)) void inThread(waiting.job).then(waiting.resolve)
        return
      }
      if (slot.job) finish(slot, fail('internal', `The parser crashed: ${error.message}`))
      replace(slot)
    })
    return slot
  }

  const replace = (slot: Slot): void => {
    void slot.worker.terminate()
    const index = slots.indexOf(slot)
    const fresh = closed ? null : spawn()
    if (index !== -1) {
      if (fresh) slots[index] = fresh
      else slots.splice(index, 1)
    }
    if (slots.length === 0) {
      broken = true
      for (const waiting of queue.splice(0)) void inThread(waiting.job).then(waiting.resolve)
    }
    pump()
  }

  const finish = (slot: Slot, result: PrepareResult): void => {
    if (slot.timer) clearTimeout(slot.timer)
    const job = slot.job
    slot.job = null
    slot.timer = null
    job?.resolve(result)
    pump()
  }

  const pump = (): void => {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue
      const job = queue.shift()!
      slot.job = job
      slot.timer = setTimeout(() => {
        finish(
          slot,
          fail('timeout', `Reading the feed took longer than ${Math.round(timeoutMs / 1000)} s`),
        )
        replace(slot)
      }, timeoutMs)
      slot.worker.ref()
      const { bytes } = job.job.input
      // Hand the fetched bytes over instead of copying them when they own their whole buffer —
      // only to a worker that has already worked, since a worker that fails to load would leave
      // the job (and its now detached bytes) to this thread.
      const transfer =
        slot.proven &&
        bytes.byteOffset === 0 &&
        bytes.byteLength === bytes.buffer.byteLength &&
        bytes.buffer instanceof ArrayBuffer
          ? [bytes.buffer]
          : []
      slot.worker.postMessage({ id: job.id, job: job.job }, transfer)
    }
    // Idle workers must not keep the process alive (the CLI exits when its work is done).
    for (const slot of slots) if (!slot.job) slot.worker.unref()
  }

  for (let i = 0; i < size; i++) {
    const slot = spawn()
    if (slot) slots.push(slot)
  }

  return {
    run: (job) =>
      new Promise<PrepareResult>((resolve) => {
        if (closed) return resolve(fail('internal', 'The parser pool is closed'))
        if (broken) return void inThread(job).then(resolve)
        queue.push({ id: nextId++, job, resolve })
        pump()
      }),
    close: async () => {
      closed = true
      for (const job of queue.splice(0)) job.resolve(fail('internal', 'The parser pool is closed'))
      await Promise.all(slots.map((slot) => slot.worker.terminate()))
    },
  }
}
