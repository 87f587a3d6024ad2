// Renders citations on a worker thread (citation-worker.ts) that keeps citeproc's engines warm:
// an export sends its citations chunk by chunk while it goes on reading the articles, and the
// core's event loop is never held up by citeproc. Started on first use (or by warm(), which the
// app calls once the library is open), ended after a quiet while. Without a script, or when the
// worker cannot load or crashes, jobs run on the calling thread: same strings, no parallelism.
import { Worker } from 'node:worker_threads'
import type { Citation } from '../../../shared/domain'
import type { CitationForm, CitationStyle } from '../../../shared/export/formats/styles'
import { builtWorkerBeside, WORKER_RESOURCE_LIMITS } from '../worker-script'
import { runCitationJob, type CitationJob } from './citation-jobs'

export interface CitationWorkerOptions {
  /** Path of the built citation-worker script; null renders on the calling thread. */
  workerScript: string | null
  /** Extra Node flags for the worker. */
  execArgv?: string[]
  /** The worker (and its engines) ends after this long without a job. */
  idleMs?: number
}

const IDLE_MS = 10 * 60_000
const MAX_CRASHES = 3

/** The built citation worker beside the built feed-parser worker (out/main/), or none. */
export function citationWorkerBeside(prepareWorker: string | null): CitationWorkerOptions {
  return { workerScript: builtWorkerBeside(prepareWorker, 'citation-worker.js') }
}

interface Pending {
  resolve: (texts: string[]) => void
  reject: (error: Error) => void
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export class CitationRenderer {
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private crashes = 0
  private broken: boolean
  private proven = false
  private idleTimer: NodeJS.Timeout | null = null
  private closed = false

  constructor(private readonly options: CitationWorkerOptions) {
    this.broken = !options.workerScript
  }

  /** Whether jobs go to a worker (false: they run on this thread). */
  get usesWorker(): boolean {
    return !this.broken && !this.closed
  }

  /** Each citation's text in `style` and `form`, in order (see renderCitations). */
  render(citations: Citation[], style: CitationStyle, form: CitationForm): Promise<string[]> {
    return this.run({ kind: 'render', citations, style, form })
  }

  /** Builds `style`'s engines ahead of the first export (on the worker: costs this thread nothing). */
  async warm(style: CitationStyle): Promise<void> {
    await this.run({ kind: 'warm', style })
  }

  private async run(job: CitationJob): Promise<string[]> {
    if (this.usesWorker) {
      try {
        return await this.post(job)
      } catch {
        // A worker that failed or went away: this thread renders the same strings.
      }
    }
    await nextTurn()
    return runCitationJob(job)
  }

  private post(job: CitationJob): Promise<string[]> {
    const worker = this.worker ?? this.spawn()
    if (!worker) return Promise.reject(new Error('The citation worker did not start'))
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    const id = this.nextId++
    worker.ref()
    return new Promise<string[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
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
      (message: { id: number; ok: boolean; texts?: string[]; message?: string }) => {
        const job = this.pending.get(message.id)
        if (!job) return
        this.pending.delete(message.id)
        this.proven = true
        if (message.ok) job.resolve(message.texts!)
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
    worker.on('exit', (code) => lost(new Error(`The citation worker exited (${code})`)))
    return worker
  }

  /** No job left: let the process exit, and end the worker after a quiet while. */
  private settle(): void {
    if (this.pending.size > 0 || !this.worker) return
    this.worker.unref()
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => void this.stop(), this.options.idleMs ?? IDLE_MS)
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
    for (const job of this.pending.values()) job.reject(new Error('The core is closed'))
    this.pending.clear()
    if (worker) await worker.terminate()
  }
}
