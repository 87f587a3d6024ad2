// The full-text index of item titles, authors and article text (the feed's body and, when read,
// the page's full text), kept apart from the library under <dataDir>/search/ and rebuildable
// from it at any time: segments on disk (see segment-file) plus the newest items in memory,
// listed by manifest.json with each document's item and a signature of what was indexed.
// Loading and (re)building run in the background after the core opens; the index then follows
// the store: a feed whose items changed is compared by signature and only what differs is
// re-read. The reading and writing runs on a worker thread (index-worker) when there is one:
// chunks of items come back as in-memory segments, searchable at once, so a search during a
// (re)build sees what is indexed so far; without a worker it runs here in short slices. Writes are
// coalesced: in-memory segments are written as one segment after a quiet moment (or at close),
// and segments are merged when there are too many. A manifest that does not parse is set aside
// (search.corrupt-<time>); one of another format version is rebuilt.
// Annotations and feed titles are not in here: they are small and change often (run-search).
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import type { SetAsideNotice } from '../store/json-document'
import type { LibraryStore, StoredItem } from '../store/library-store'
import { indexInputOf, indexOne, type IndexInput } from './index-chunk'
import type { IndexJobReply, WriteSource } from './index-jobs'
import { IndexWorker, type IndexWorkerOptions } from './index-worker'
import { MemorySegment, packBuilder } from './memory-segment'
import { SegmentBuilder, type PostingsSource } from './postings'
import { SegmentFile, writeSegment } from './segment-file'

export { FIELD_WEIGHTS } from './index-chunk'

/** Bump when the tokenizer, the fields or the file format change: the index is then rebuilt. */
export const INDEX_FORMAT = 1
/** In-memory postings written out as a segment once they pass this size (bounds build memory). */
const FLUSH_BYTES = 32 << 20
/** More in-memory segments than this are written out (each one costs every query a lookup). */
const MAX_PENDING = 24
/** New items are written this long after the last change (one write for a whole sync). */
const PERSIST_DELAY_MS = 5000
/** More segments than this are merged into one. */
const MAX_SEGMENTS = 6
/** Items sent to the worker at once: a search sees them about a second later. */
const CHUNK_ITEMS = 1000
/** Without a worker: longest run of indexing between two yields to the event loop. */
const SLICE_MS = 8

interface Manifest {
  formatVersion: number
  nextDoc: number
  segments: { name: string; lastDoc: number }[]
  /** [doc, itemId, feedId, signature, length in words] of every live document. */
  docs: [number, string, string, string, number][]
}

/** What was indexed of an item: a change in any of it means indexing it again. */
export function itemSignature(item: StoredItem): string {
  const full = item.fullText?.status === 'available' ? item.fullText.bodyHash.slice(0, 12) : ''
  let hash = 0x811c9dc5
  const text = `${item.title}\n${item.author ?? ''}`
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return `${item.bodyHash.slice(0, 12)}${full}${(hash >>> 0).toString(36)}`
}

export class SearchIndex {
  readonly dir: string
  private segments: { file: SegmentFile; lastDoc: number }[] = []
  /** Indexed, not yet written (searched meanwhile), in document order. */
  private pending: MemorySegment[] = []
  /** Indexed in-thread (no worker), after every pending segment. */
  private delta = new SegmentBuilder()
  /** Being written as a segment: still searched until the segment replaces it. */
  private frozen: SegmentBuilder | null = null
  /** Items with the worker, by the signature sent: not queued again meanwhile. */
  private readonly inFlight = new Map<string, string>()
  private readonly worker: IndexWorker
  private nextDoc = 0
  private readonly itemIds: (string | null)[] = []
  private readonly feedIds: (string | null)[] = []
  private readonly signatures: (string | null)[] = []
  /** Length in words of each document (0 when dead), and 1 for each live document. */
  private lengths = new Uint32Array(1024)
  private live = new Uint8Array(1024)
  /** Changes whenever documents or the items they stand for change (caches of run-search). */
  version = 0
  /** The store's current row of each document's item (kept fresh by reconcileFeed). */
  private readonly refs: ({ feedId: string; item: StoredItem } | null)[] = []
  private readonly docOfItem = new Map<string, number>()
  private readonly docsOfFeed = new Map<string, Set<number>>()
  private liveDocs = 0
  private totalLength = 0
  private readonly queue = new Set<string>()
  private queuedTotal = 0
  private loaded = false
  private working: Promise<void> | null = null
  private persistTimer: NodeJS.Timeout | null = null
  private dirty = false
  private closed = false
  /** Loading has begun (startAfter came before close). */
  private started = false
  /** Segments merged into another, to delete once the manifest no longer lists them. */
  private readonly replaced: string[] = []
  /** Comparing every item with the index after loading (in slices). */
  private reconciling: Promise<void> | null = null
  /** Flushes, merges and manifest writes, one at a time. */
  private disk: Promise<void> = Promise.resolve()
  /** Resolves once the index on disk is loaded (or known to be missing). */
  readonly ready: Promise<void>

  constructor(
    private readonly store: LibraryStore,
    private readonly options: {
      dataDir: string
      log?: (message: string) => void
      onSetAside?: (notice: SetAsideNotice) => void
      now?: () => Date
      /** Where indexing runs: a worker thread (the built search-worker script) or this thread. */
      worker?: IndexWorkerOptions
      /** Items sent to the worker at once (tests make it small). */
      chunkItems?: number
      /**
       * Loading waits for this: a window's first list page goes out before the index (a 7 MB
       * manifest at 100k items, then a check against the library) competes for the thread.
       */
      startAfter?: Promise<void>
    },
  ) {
    this.dir = join(options.dataDir, 'search')
    this.worker = new IndexWorker(options.worker ?? { workerScript: null })
    this.ready = (options.startAfter ?? Promise.resolve())
      // The index walks every item: the store reads its feeds first (opened from the listing
      // catalog, a store has read only some; a window's store reads the rest here, in the
      // background, once its first list page is out).
      .then(async () => {
        // Closed before it was wanted (a CLI command that never searched): nothing to load.
        if (this.closed) return
        this.started = true
        await store.loadAll()
        await this.load()
      })
      .catch((error: unknown) => this.log(`Search index not loaded: ${String(error)}`))
      .then(() => {
        if (!this.started) return
        this.loaded = true
        this.reconciling = this.reconcileAll()
          .catch((error: unknown) => this.log(`Search index not checked: ${String(error)}`))
          .finally(() => (this.reconciling = null))
      })
  }

  private log(message: string): void {
    this.options.log?.(message)
  }

  // ---- what run-search reads ----

  /** Every postings source, oldest documents first. */
  sources(): PostingsSource[] {
    const list: PostingsSource[] = this.segments.map((s) => s.file)
    list.push(...this.pending)
    if (this.frozen) list.push(this.frozen)
    if (this.delta.docCount > 0) list.push(this.delta)
    return list
  }

  get documentLimit(): number {
    return this.nextDoc
  }

  get documentCount(): number {
    return this.liveDocs
  }

  get averageLength(): number {
    return this.liveDocs ? this.totalLength / this.liveDocs : 1
  }

  itemOf(doc: number): string | null {
    return this.itemIds[doc] ?? null
  }

  /** The document's item as the store has it now, without a lookup by id (hot in ranking). */
  refOf(doc: number): { feedId: string; item: StoredItem } | null {
    return this.refs[doc] ?? null
  }

  lengthOf(doc: number): number {
    return this.lengths[doc] ?? 0
  }

  /** Per document: its length in words (read-only view, at least documentLimit long). */
  lengthsView(): Uint32Array {
    return this.lengths
  }

  /** Per document: 1 when live (read-only view, at least documentLimit long). */
  liveView(): Uint8Array {
    return this.live
  }

  docOf(itemId: string): number | undefined {
    return this.docOfItem.get(itemId)
  }

  docsOf(feedId: string): ReadonlySet<number> {
    return this.docsOfFeed.get(feedId) ?? new Set()
  }

  /** While loading or (re)indexing: items done out of total; null when up to date. */
  progress(): { done: number; total: number } | null {
    if (!this.loaded) return { done: 0, total: Math.max(1, this.queuedTotal) }
    const left = this.queue.size + this.inFlight.size
    if (left === 0) return null
    return { done: Math.max(0, this.queuedTotal - left), total: this.queuedTotal }
  }

  /** Bytes held in memory by dictionaries and postings not yet written. */
  memoryBytes(): number {
    return (
      this.segments.reduce((sum, s) => sum + s.file.memoryBytes, 0) +
      this.pendingBytes() +
      this.delta.byteSize +
      (this.frozen?.byteSize ?? 0)
    )
  }

  // ---- keeping up with the store ----

  /** A feed's items changed (sync, retention, full text, another process): index what differs. */
  feedChanged(feedId: string): void {
    if (!this.loaded || this.closed) return
    this.reconcileFeed(feedId)
    this.kick()
  }

  /** Every feed compared with the index, in slices (100k items take a while), indexing as it goes. */
  private async reconcileAll(): Promise<void> {
    let sliceStart = performance.now()
    for (const feed of [...this.store.feeds()]) {
      if (this.closed) return
      this.reconcileFeed(feed.id)
      if (performance.now() - sliceStart > SLICE_MS) {
        this.kick()
        await new Promise((resolve) => setImmediate(resolve))
        sliceStart = performance.now()
      }
    }
    for (const feedId of [...this.docsOfFeed.keys()]) {
      if (!this.store.feed(feedId)) this.reconcileFeed(feedId)
    }
    this.kick()
  }

  private reconcileFeed(feedId: string): void {
    this.version++
    const items = this.store.feed(feedId) ? this.store.items(feedId) : []
    const present = new Set<string>()
    for (const item of items) {
      present.add(item.id)
      const doc = this.docOfItem.get(item.id)
      if (doc !== undefined) this.refs[doc] = { feedId, item }
      if (doc !== undefined && this.signatures[doc] === itemSignature(item)) continue
      // Already with the worker as it is now: its result will do.
      if (this.inFlight.get(item.id) !== itemSignature(item)) this.enqueue(item.id)
    }
    for (const doc of [...(this.docsOfFeed.get(feedId) ?? [])]) {
      const itemId = this.itemIds[doc]
      if (itemId && !present.has(itemId)) this.remove(doc)
    }
  }

  private enqueue(itemId: string): void {
    if (this.queue.size === 0 && this.inFlight.size === 0) this.queuedTotal = 0
    if (!this.queue.has(itemId)) {
      this.queue.add(itemId)
      this.queuedTotal++
    }
  }

  private remove(doc: number): void {
    const itemId = this.itemIds[doc]
    if (!itemId) return
    this.docOfItem.delete(itemId)
    this.docsOfFeed.get(this.feedIds[doc]!)?.delete(doc)
    this.itemIds[doc] = null
    this.signatures[doc] = null
    this.refs[doc] = null
    this.liveDocs--
    this.totalLength -= this.lengths[doc] ?? 0
    this.live[doc] = 0
    this.lengths[doc] = 0
    this.version++
    this.dirty = true
    this.schedulePersist()
  }

  private add(doc: number, itemId: string, feedId: string, signature: string, length: number) {
    this.itemIds[doc] = itemId
    this.feedIds[doc] = feedId
    this.signatures[doc] = signature
    if (doc >= this.live.length) {
      const size = Math.max(doc + 1, this.live.length * 2)
      const lengths = new Uint32Array(size)
      lengths.set(this.lengths)
      const live = new Uint8Array(size)
      live.set(this.live)
      this.lengths = lengths
      this.live = live
    }
    this.lengths[doc] = length
    this.live[doc] = 1
    this.version++
    this.docOfItem.set(itemId, doc)
    let docs = this.docsOfFeed.get(feedId)
    if (!docs) this.docsOfFeed.set(feedId, (docs = new Set()))
    docs.add(doc)
    this.liveDocs++
    this.totalLength += length
  }

  /** Starts indexing the queue unless that is already running. */
  private kick(): void {
    if (this.working || this.queue.size === 0 || this.closed) return
    this.working = this.drain()
      .catch((error: unknown) => this.log(`Search indexing failed: ${String(error)}`))
      .finally(() => {
        this.working = null
        if (this.queue.size > 0) this.kick()
      })
  }

  /** Resolves when everything queued so far is indexed (tests, the benchmark, the CLI). */
  async idle(): Promise<void> {
    await this.ready
    while (this.reconciling) await this.reconciling
    while (this.working) await this.working
  }

  private async drain(): Promise<void> {
    while (this.queue.size > 0 && !this.closed) {
      if (this.worker.usable) await this.indexOnWorker()
      else await this.indexInThread()
      if (this.pendingBytes() > FLUSH_BYTES || this.pending.length > MAX_PENDING) await this.flush()
    }
    this.schedulePersist()
  }

  /** Takes up to `max` queued items; items no longer in the store just leave the index. */
  private take(max: number): { itemId: string; input: IndexInput; signature: string }[] {
    const taken = []
    for (const itemId of this.queue) {
      if (taken.length >= max) break
      this.queue.delete(itemId)
      const entry = this.store.findItem(itemId)
      if (!entry) {
        const old = this.docOfItem.get(itemId)
        if (old !== undefined) this.remove(old)
        continue
      }
      const signature = itemSignature(entry.item)
      taken.push({ itemId, input: indexInputOf(this.nextDoc++, entry.item), signature })
    }
    return taken
  }

  /** A chunk indexed (its documents `docs` with `lengths`): the items point at their new docs. */
  private accept(
    taken: { itemId: string; input: IndexInput; signature: string }[],
    lengths: ArrayLike<number>,
  ): void {
    taken.forEach(({ itemId, input, signature }, i) => {
      const old = this.docOfItem.get(itemId)
      if (old !== undefined) this.remove(old)
      const entry = this.store.findItem(itemId)
      // Gone meanwhile: its document stays dead in the segment, left out at the next merge.
      if (!entry) return
      this.add(input.doc, itemId, entry.feedId, signature, lengths[i]!)
      this.refs[input.doc] = entry
      // Changed meanwhile: index it again.
      if (itemSignature(entry.item) !== signature) this.enqueue(itemId)
    })
    this.dirty = true
  }

  private async indexOnWorker(): Promise<void> {
    // What the in-thread path indexed goes first: documents stay in order across sources.
    this.sealDelta()
    const taken = this.take(this.options.chunkItems ?? CHUNK_ITEMS)
    if (taken.length === 0) return
    for (const t of taken) this.inFlight.set(t.itemId, t.signature)
    let reply: IndexJobReply
    try {
      reply = await this.worker.run({
        kind: 'index',
        dataDir: this.options.dataDir,
        inputs: taken.map((t) => t.input),
      })
    } catch (error) {
      this.log(`Search indexing worker failed: ${String(error)}`)
      // Their document numbers are skipped; the items are queued again (here, if it broke).
      for (const t of taken) this.inFlight.delete(t.itemId)
      for (const t of taken) this.enqueue(t.itemId)
      return
    }
    for (const t of taken) this.inFlight.delete(t.itemId)
    if (reply.kind !== 'index') throw new Error('Unexpected reply from the indexing worker')
    for (const hash of reply.missing) this.store.bodies.missing.add(hash)
    if (reply.packed.docCount > 0) this.pending.push(new MemorySegment(reply.packed))
    this.accept(taken, reply.lengths)
  }

  /** Without a worker: indexes queued items here for SLICE_MS, then yields. */
  private async indexInThread(): Promise<void> {
    const started = performance.now()
    while (this.queue.size > 0 && performance.now() - started < SLICE_MS) {
      const taken = this.take(1)
      const first = taken[0]
      if (!first) continue
      const length = indexOne(this.delta, this.store.bodies, first.input)
      this.accept(taken, [length])
      if (this.delta.byteSize > FLUSH_BYTES) break
    }
    await new Promise((resolve) => setImmediate(resolve))
  }

  /** The in-thread delta becomes a pending segment (before the worker adds later documents). */
  private sealDelta(): void {
    if (this.delta.docCount === 0) return
    this.pending.push(new MemorySegment(packBuilder(this.delta)))
    this.delta = new SegmentBuilder()
  }

  private pendingBytes(): number {
    let bytes = 0
    for (const segment of this.pending) bytes += segment.byteSize
    return bytes
  }

  // ---- disk ----

  private schedulePersist(): void {
    if (this.persistTimer || this.closed) return
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null
      if (this.working) this.schedulePersist()
      else void this.persist()
    }, PERSIST_DELAY_MS)
    this.persistTimer.unref()
  }

  /** Writes what is only in memory, merges segments when there are too many, then the manifest. */
  persist(): Promise<void> {
    return this.serially(() => this.persistNow())
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const run = this.disk.then(work)
    this.disk = run.catch(() => {})
    return run
  }

  private async persistNow(): Promise<void> {
    if (!this.dirty) return
    this.dirty = false
    await mkdir(this.dir, { recursive: true })
    await this.flush()
    const manyDead = this.segments.length > 1 && this.deadFraction() > 0.3
    const settled = this.queue.size === 0
    if (this.segments.length > MAX_SEGMENTS || (settled && (manyDead || this.segments.length >= 4)))
      await this.mergeAll(manyDead)
    await this.writeManifest()
  }

  private deadFraction(): number {
    return this.nextDoc ? 1 - this.liveDocs / this.nextDoc : 0
  }

  private newName(): string {
    return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  }

  /** Which documents a written segment keeps. */
  private liveFlags(): Uint8Array {
    const live = new Uint8Array(this.nextDoc)
    live.set(this.live.subarray(0, live.length))
    return live
  }

  /**
   * Writes `sources` as segment `name`: on the worker when it can take them (segment files and
   * packed segments), else here, in slices.
   */
  private async write(
    name: string,
    sources: (SegmentFile | MemorySegment | SegmentBuilder)[],
  ): Promise<void> {
    if (this.worker.usable && !sources.some((s) => s instanceof SegmentBuilder)) {
      const list: WriteSource[] = sources.map((s) =>
        s instanceof SegmentFile ? { file: s.name } : { packed: (s as MemorySegment).packed },
      )
      try {
        await this.worker.run({
          kind: 'write',
          dir: this.dir,
          name,
          sources: list,
          live: this.liveFlags(),
        })
        return
      } catch (error) {
        this.log(`Search index written in-thread: the worker failed (${String(error)})`)
      }
    }
    await writeSegment(this.dir, name, sources, (doc) => this.itemIds[doc] != null)
  }

  /** Writes the pending segments and the delta as one segment. */
  private async flush(): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    if (this.worker.usable) this.sealDelta()
    const parts: (MemorySegment | SegmentBuilder)[] = [...this.pending]
    let frozen: SegmentBuilder | null = null
    if (this.delta.docCount > 0) {
      frozen = this.frozen = this.delta
      this.delta = new SegmentBuilder()
      parts.push(frozen)
    }
    if (parts.length === 0) return
    const name = this.newName()
    try {
      await this.write(name, parts)
      this.segments.push({ file: SegmentFile.open(this.dir, name), lastDoc: parts.at(-1)!.lastDoc })
      this.pending = this.pending.filter((p) => !parts.includes(p))
    } finally {
      if (frozen) this.frozen = null
    }
    if (this.segments.length > MAX_SEGMENTS) await this.mergeAll(false)
  }

  /**
   * Merges the segments into one — or, unless `full`, only those after the first when it holds
   * most documents (a sync's small segments are not worth rewriting the whole index for).
   */
  private async mergeAll(full = true): Promise<void> {
    const first = this.segments[0]
    const tailOnly =
      !full &&
      first !== undefined &&
      this.segments.length > 2 &&
      first.lastDoc * 2 > (this.segments.at(-1)?.lastDoc ?? 0)
    const keep = tailOnly ? this.segments.slice(0, 1) : []
    const old = this.segments.slice(keep.length)
    if (old.length === 0) return
    const name = this.newName()
    await this.write(
      name,
      old.map((s) => s.file),
    )
    this.segments = [
      ...keep,
      { file: SegmentFile.open(this.dir, name), lastDoc: old.at(-1)!.lastDoc },
    ]
    for (const s of old) {
      s.file.close()
      this.replaced.push(s.file.name)
    }
  }

  private async writeManifest(): Promise<void> {
    const written = this.segments.at(-1)?.lastDoc ?? -1
    const segments = this.segments.map((s) => ({ name: s.file.name, lastDoc: s.lastDoc }))
    // JSON of 100k documents is made in slices (one stringify of it all holds the loop ~0.2 s).
    const parts: string[] = []
    let sliceStart = performance.now()
    for (let from = 0; from <= written; from += 2000) {
      const docs: Manifest['docs'] = []
      for (let doc = from; doc <= Math.min(written, from + 1999); doc++) {
        const itemId = this.itemIds[doc]
        if (itemId)
          docs.push([doc, itemId, this.feedIds[doc]!, this.signatures[doc]!, this.lengths[doc]!])
      }
      if (docs.length) parts.push(JSON.stringify(docs).slice(1, -1))
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve))
        sliceStart = performance.now()
      }
    }
    const head = JSON.stringify({ formatVersion: INDEX_FORMAT, nextDoc: written + 1, segments })
    const json = `${head.slice(0, -1)},"docs":[${parts.join(',')}]}`
    const file = join(this.dir, 'manifest.json')
    if (!existsSync(file)) await writeFile(file, '{}')
    const release = await lockfile.lock(file, { realpath: false, stale: 10_000, retries: 20 })
    try {
      const temp = `${file}.${process.pid}.tmp`
      await writeFile(temp, json)
      await rename(temp, file)
      await this.removeUnlisted(new Set(segments.map((s) => s.name)))
    } finally {
      await release()
    }
  }

  /** Segment files no manifest lists: replaced by our merges, or left by a crash. */
  private async removeUnlisted(listed: Set<string>): Promise<void> {
    const replaced = new Set(this.replaced.splice(0))
    for (const entry of await readdir(this.dir)) {
      const match = /^(s-[a-z0-9-]+)\.(dict|post|pos)$/.exec(entry)
      if (!match || listed.has(match[1]!)) continue
      const file = join(this.dir, entry)
      // Another process (the CLI beside the app) may have just written one and not yet its
      // manifest: files that are not ours are removed only once they are old.
      if (replaced.has(match[1]!) || Date.now() - (await stat(file)).mtimeMs > 10 * 60_000)
        await rm(file, { force: true })
    }
  }

  private async load(): Promise<void> {
    const file = join(this.dir, 'manifest.json')
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    let manifest: Manifest
    const segments: { file: SegmentFile; lastDoc: number }[] = []
    try {
      manifest = JSON.parse(text) as Manifest
      if (manifest.formatVersion !== INDEX_FORMAT) {
        this.log(`Search index format ${manifest.formatVersion} is rebuilt as ${INDEX_FORMAT}`)
        await rm(this.dir, { recursive: true, force: true })
        return
      }
      if (!Array.isArray(manifest.segments) || !Array.isArray(manifest.docs))
        throw new Error('the manifest lists no segments')
      for (const s of manifest.segments)
        segments.push({ file: SegmentFile.open(this.dir, s.name), lastDoc: s.lastDoc })
    } catch (error) {
      for (const s of segments) s.file.close()
      await this.setAside(`the index does not load (${(error as Error).message})`)
      return
    }
    this.segments = segments
    this.nextDoc = manifest.nextDoc
    let sliceStart = performance.now()
    for (const [doc, itemId, feedId, signature, length] of manifest.docs) {
      this.add(doc, itemId, feedId, signature, length)
      // Searchable before reconcileAll has compared everything (it then refreshes these).
      const entry = this.store.findItem(itemId)
      if (entry?.feedId === feedId) this.refs[doc] = entry
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve))
        sliceStart = performance.now()
      }
    }
  }

  private async setAside(reason: string): Promise<void> {
    const now = (this.options.now ?? (() => new Date()))()
    const movedTo = `${this.dir}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`
    await rename(this.dir, movedTo)
    this.options.onSetAside?.({ file: this.dir, movedTo, reason })
    this.log(`Moved the unreadable search index aside to ${movedTo}: ${reason}; rebuilding it`)
  }

  /** Stops indexing and writes what is pending. */
  async close(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.persistTimer = null
    if (!this.started) {
      // Never started (startAfter did not come): nothing was loaded, nothing is to be written.
      this.closed = true
      await this.worker.close()
      return
    }
    await this.ready
    this.closed = true
    while (this.working) await this.working
    try {
      await this.persist()
    } finally {
      await this.worker.close()
      for (const s of this.segments) s.file.close()
    }
  }
}
