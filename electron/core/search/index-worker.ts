// Runs the search index's heavy jobs (index-jobs.ts) on one worker thread, so reading 100k
// bodies and writing segments never holds up the core's event loop. Started on first use, ended
// after a quiet minute (its memory back to the OS). Without a script, or when the script cannot
// load, or after repeated crashes, `usable` turns false and the caller runs jobs in-thread.
import { Worker } from 'node:worker_threads'
import { builtWorkerBeside, WORKER_RESOURCE_LIMITS } from '../worker-script'
import type { IndexJob, IndexJobReply } from './index-jobs'

export interface IndexWorkerOptions {
  /** Path of the built search-worker script; null runs everything on the calling thread. */
  workerScript: string | null
  /** Extra Node flags for the worker. */
  execArgv?: string[]
  /** The worker ends after this long without a job. */
  idleMs?: number
}

const MAX_CRASHES = 3

/**
 * The built search worker beside the built feed-parser worker (both are entries of the same
 * main bundle, out/main/), or none.
 */
export function searchWorkerBeside(prepareWorker: string | null): IndexWorkerOptions {
  return { workerScript: builtWorkerBeside(prepareWorker, 'search-worker.js') }
}

interface Pending {
  resolve: (reply: IndexJobReply) => void
  reject: (error: Error) => void
}

export class IndexWorker {
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private crashes = 0
  private broken: boolean
  private proven = false
  private idleTimer: NodeJS.Timeout | null = null
  private closed = false

  constructor(private readonly options: IndexWorkerOptions) {
    this.broken = !options.workerScript
  }

  /** Whether jobs go to a worker (false: run them in-thread). */
  get usable(): boolean {
    return !this.broken && !this.closed
  }

  run(job: IndexJob): Promise<IndexJobReply> {
    if (!this.usable) return Promise.reject(new Error('No indexing worker'))
    const worker = this.worker ?? this.spawn()
    if (!worker) return Promise.reject(new Error('The indexing worker did not start'))
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    const id = this.nextId++
    worker.ref()
    return new Promise<IndexJobReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      // A write job's packed segments are copied, not moved: they stay searchable here meanwhile.
      worker.postMessage({ id, job })
    })
  }

  private spawn(): Worker | null {
    let worker: Worker
    try {
      worker = new Worker(this.options.workerScript!, {
        execArgv: this.options.execArgv ?? [],
        resourceLimits: WORKER_RESOURCE_LIMITS,
      })
    } catch {
      this.broken = true
      return null
    }
    this.worker = worker
    worker.on(
      'message',
      (message: { id: number; ok: boolean; reply?: IndexJobReply; message?: string }) => {
        const job = this.pending.get(message.id)
        if (!job) return
        this.pending.delete(message.id)
        this.proven = true
        if (message.ok) job.resolve(message.reply!)
        else job.reject(new Error(message.message))
        this.settle()
      },
    )
    const lost = (error: Error): void => {
      if (this.worker !== worker) return
      this.worker = null
      // A script that never answered is one that does not load here: stop trying.
      if (!this.proven || ++this.crashes >= MAX_CRASHES) this.broken = true
      for (const job of this.pending.values()) job.reject(error)
      this.pending.clear()
    }
    worker.on('error', lost)
    worker.on('exit', (code) => lost(new Error(`The indexing worker exited (${code})`)))
    return worker
  }

  /** No job left: let the process exit, and end the worker after a quiet while. */
  private settle(): void {
    if (this.pending.size > 0 || !this.worker) return
    this.worker.unref()
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => void this.stop(), this.options.idleMs ?? 60_000)
    this.idleTimer.unref()
  }

  private async stop(): Promise<void> {
    const worker = this.worker
    if (!worker || this.pending.size > 0) return
    this.worker = null
    await worker.terminate()
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.idleTimer) clearTimeout(this.idleTimer)
    const worker = this.worker
    this.worker = null
    for (const job of this.pending.values()) job.reject(new Error('The search index is closed'))
    this.pending.clear()
    if (worker) await worker.terminate()
  }
}
