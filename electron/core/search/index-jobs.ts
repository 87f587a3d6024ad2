// The two heavy jobs of the search index, as plain data in and out so they can run on the
// indexing worker (search-worker.ts) or, without one, on the calling thread: index a chunk of
// items (read their bodies, cut them into words, return a packed in-memory segment), and write
// a segment file from packed segments and/or segment files (a flush or a merge).
import { join } from 'node:path'
import { BodyStore } from '../store/body-store'
import { indexChunk, type IndexInput } from './index-chunk'
import { MemorySegment, packBuilder, transferablesOf, type PackedSegment } from './memory-segment'
import type { PostingsSource } from './postings'
import { SegmentFile, writeSegment } from './segment-file'

export type WriteSource = { file: string } | { packed: PackedSegment }

export type IndexJob =
  | { kind: 'index'; dataDir: string; inputs: IndexInput[] }
  /** Writes `sources` (ascending, disjoint docs) as segment `name`, keeping docs flagged in `live`. */
  | { kind: 'write'; dir: string; name: string; sources: WriteSource[]; live: Uint8Array }

export type IndexJobReply =
  | { kind: 'index'; packed: PackedSegment; lengths: Uint32Array; missing: string[] }
  | { kind: 'write'; terms: number }

const bodyStores = new Map<string, BodyStore>()

export async function runIndexJob(job: IndexJob): Promise<IndexJobReply> {
  if (job.kind === 'index') {
    let bodies = bodyStores.get(job.dataDir)
    if (!bodies) bodyStores.set(job.dataDir, (bodies = new BodyStore(join(job.dataDir, 'bodies'))))
    const { builder, lengths } = indexChunk(bodies, job.inputs)
    const missing = [...bodies.missing]
    bodies.missing.clear()
    return { kind: 'index', packed: packBuilder(builder), lengths, missing }
  }
  const opened: SegmentFile[] = []
  try {
    const sources: PostingsSource[] = job.sources.map((source) => {
      if ('packed' in source) return new MemorySegment(source.packed)
      const file = SegmentFile.open(job.dir, source.file)
      opened.push(file)
      return file
    })
    const live = job.live
    const terms = await writeSegment(job.dir, job.name, sources, (doc) => live[doc] === 1)
    return { kind: 'write', terms }
  } finally {
    for (const file of opened) file.close()
  }
}

/** Buffers of a reply that can be moved instead of copied. */
export function transferablesOfReply(reply: IndexJobReply): ArrayBuffer[] {
  return reply.kind === 'index'
    ? [...transferablesOf(reply.packed), reply.lengths.buffer as ArrayBuffer]
    : []
}
