// Runs prepareFeed on worker threads so parsing never blocks the thread that serves the UI, and
// uses both cores. Each job has a time limit: a feed that takes longer (a pathological input)
// gets its worker terminated and replaced, and comes back as a 'timeout' value — never a hang.
// Without a worker script (e.g. a caller that did not build one), or when workers cannot start
// (a packaged app whose loader refuses the script), jobs run on this thread instead.
import { cpus } from 'node:os'
import { Worker } from 'node:worker_threads'
import { fail, type Result } from '../../../shared/result'
import { prepareFeed, type PrepareInput, type PreparedFeed } from './prepare-feed'

export type PrepareResult = Result<PreparedFeed, 'not-a-feed' | 'timeout' | 'internal'>

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
  run(input: PrepareInput): Promise<PrepareResult>
  close(): Promise<void>
}

interface Job {
  id: number
  input: PrepareInput
  resolve: (result: PrepareResult) => void
}

interface Slot {
  worker: Worker
  job: Job | null
  timer: NodeJS.Timeout | null
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
  const inThread = async (input: PrepareInput): Promise<PrepareResult> => {
    try {
      return await prepareFeed(input)
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

  const spawn = (): Slot => {
    const slot: Slot = {
      worker: new Worker(script, { execArgv: options.execArgv ?? [] }),
      job: null,
      timer: null,
    }
    slot.worker.unref()
    slot.worker.on('message', (message: { id: number; result: PrepareResult }) => {
      const job = slot.job
      if (!job || job.id !== message.id) return
      finish(slot, message.result)
    })
    slot.worker.on('error', (error: Error & { code?: string }) => {
      if (isLoadFailure(error)) {
        broken = true
        const job = slot.job
        slot.job = null
        if (slot.timer) clearTimeout(slot.timer)
        if (job) void inThread(job.input).then(job.resolve)
        for (const waiting of queue.splice(0)) void inThread(waiting.input).then(waiting.resolve)
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
    if (index !== -1 && !closed) slots[index] = spawn()
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
      slot.worker.postMessage({ id: job.id, input: job.input })
    }
    // Idle workers must not keep the process alive (the CLI exits when its work is done).
    for (const slot of slots) if (!slot.job) slot.worker.unref()
  }

  for (let i = 0; i < size; i++) slots.push(spawn())

  return {
    run: (input) =>
      new Promise<PrepareResult>((resolve) => {
        if (closed) return resolve(fail('internal', 'The parser pool is closed'))
        if (broken) return void inThread(input).then(resolve)
        queue.push({ id: nextId++, input, resolve })
        pump()
      }),
    close: async () => {
      closed = true
      for (const job of queue.splice(0)) job.resolve(fail('internal', 'The parser pool is closed'))
      await Promise.all(slots.map((slot) => slot.worker.terminate()))
    },
  }
}
