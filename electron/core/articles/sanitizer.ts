// Sanitizes article HTML on one worker thread (sanitize-worker.ts). Opening an article was the
// core's costliest call after the list: jsdom's first load blocked the event loop for over a
// second, and each article took 5–40 ms more — time every other call (a page of the list, a sync
// in progress) waited. On the worker both run beside the event loop, on the other core.
// A body that takes longer than the time limit (a pathological input) gets its worker replaced
// and comes back as a notice instead of hanging the article. Without a script, when the script
// cannot load, or after repeated crashes, sanitizing runs on this thread as before.
import { Worker } from 'node:worker_threads'
import { builtWorkerBeside, WORKER_RESOURCE_LIMITS } from '../worker-script'
import { sanitizeHtml, type SanitizedHtml } from './sanitize-html'
import type { SanitizeRequest } from './sanitize-worker'

export interface SanitizerOptions {
  /** Path of the built sanitize-worker script; null sanitizes on the calling thread. */
  workerScript: string | null
  /** Extra Node flags for the worker (tests use a script that loads the TypeScript source). */
  execArgv?: string[]
  /** Time limit for one body. */
  timeoutMs?: number
}

export const DEFAULT_SANITIZE_TIMEOUT_MS = 10_000
const MAX_CRASHES = 3

/** What a body that could not be sanitized (in time) shows instead: plain, safe markup. */
export const TOO_SLOW_HTML =
  "<p><em>This article's text could not be made safe to show in time; open the original.</em></p>"
export const FAILED_HTML =
  "<p><em>This article's text could not be made safe to show; open the original.</em></p>"

type Reply =
  { id: number; ok: true; value: SanitizedHtml } | { id: number; ok: false; message: string }

interface Job {
  request: SanitizeRequest
  resolve: (value: SanitizedHtml) => void
  reject: (error: Error) => void
}

/** The built sanitize worker beside the built feed-parser worker, or none. */
export function sanitizeWorkerBeside(prepareWorker: string | null): SanitizerOptions {
  return { workerScript: builtWorkerBeside(prepareWorker, 'sanitize-worker.js') }
}

export class Sanitizer {
  private worker: Worker | null = null
  /** The worker has loaded jsdom: from then on its head job is timed. */
  private ready = false
  /** Jobs sent to the worker, oldest (the one it is working on) first. */
  private readonly pending = new Map<number, Job>()
  private nextId = 1
  private crashes = 0
  private proven = false
  private broken: boolean
  private closed = false
  private timer: NodeJS.Timeout | null = null
  private timedJob = 0

  constructor(private readonly options: SanitizerOptions) {
    this.broken = !options.workerScript
  }

  /** Whether bodies go to a worker (false: sanitized on this thread). */
  get usesWorker(): boolean {
    return !this.broken && !this.closed
  }

  /** Starts the worker (it loads jsdom at once) before the first article is asked for. */
  warm(): void {
    if (this.usesWorker && !this.worker) this.spawn()
  }

  sanitize(html: string, baseUrl: string | null): Promise<SanitizedHtml> {
    if (!this.usesWorker) return Promise.resolve(sanitizeHtml(html, baseUrl))
    const worker = this.worker ?? this.spawn()
    if (!worker) return Promise.resolve(sanitizeHtml(html, baseUrl))
    const request: SanitizeRequest = { id: this.nextId++, html, baseUrl }
    return new Promise<SanitizedHtml>((resolve, reject) => {
      this.pending.set(request.id, { request, resolve, reject })
      worker.ref()
      worker.postMessage(request)
      this.watchHead()
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
      this.broken = true // e.g. a path Node refuses for workers
      return null
    }
    this.worker = worker
    this.ready = false
    worker.unref()
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        this.ready = true
        this.proven = true
        this.timedJob = 0
        this.watchHead()
        return
      }
      const job = this.pending.get(reply.id)
      if (!job) return
      this.pending.delete(reply.id)
      this.proven = true
      if (reply.ok) job.resolve(reply.value)
      else job.reject(new Error(reply.message))
      this.watchHead()
    })
    const lost = (): void => {
      if (this.worker !== worker) return
      this.worker = null
      // A script that never answered is one that does not load here: stop trying, and sanitize
      // everything on this thread. Otherwise the body it was working on killed it (out of memory):
      // that one gets the notice rather than another worker to kill.
      if (!this.proven) this.broken = true
      else {
        if (++this.crashes >= MAX_CRASHES) this.broken = true
        this.settleHead(FAILED_HTML)
      }
      this.resend()
    }
    worker.on('error', lost)
    worker.on('exit', lost)
    return worker
  }

  /** Keeps one timer on the job the worker is working on (the oldest sent), once it is ready. */
  private watchHead(): void {
    if (this.pending.size === 0) this.worker?.unref() // nothing asked: let a CLI process exit
    const head = this.pending.keys().next()
    const id = !head.done && this.ready ? head.value : 0
    if (id === this.timedJob) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.timedJob = id
    if (id === 0) return
    this.timer = setTimeout(
      () => this.timeOut(id),
      this.options.timeoutMs ?? DEFAULT_SANITIZE_TIMEOUT_MS,
    )
    this.timer.unref()
  }

  /** The job the worker was working on ends with a notice in place of the body. */
  private settleHead(html: string): void {
    const head = this.pending.entries().next()
    if (head.done) return
    const [id, job] = head.value
    this.pending.delete(id)
    job.resolve({ html, text: '' })
  }

  /** The worker is stuck on one body: that body gets the notice, the others a fresh worker. */
  private timeOut(id: number): void {
    if (this.timedJob !== id || !this.pending.has(id)) return
    this.settleHead(TOO_SLOW_HTML)
    const worker = this.worker
    this.worker = null
    this.timedJob = 0
    if (worker) void worker.terminate()
    this.resend()
  }

  /** Jobs the lost worker never answered go to a new one (or to this thread when broken). */
  private resend(): void {
    const jobs = [...this.pending.values()]
    this.pending.clear()
    this.timedJob = 0
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    for (const job of jobs) {
      this.sanitize(job.request.html, job.request.baseUrl).then(job.resolve, job.reject)
    }
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    const worker = this.worker
    this.worker = null
    for (const job of this.pending.values()) job.reject(new Error('The library is closed'))
    this.pending.clear()
    if (worker) await worker.terminate()
  }
}
