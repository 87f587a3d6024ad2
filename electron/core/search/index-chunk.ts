// What the indexer reads of an item (IndexInput: plain data, so it can be posted to the indexing
// worker) and how a chunk of them becomes postings: the fields with their weights, bodies read
// from the body store as plain text. The same code runs on the worker and, without one, in-thread.
import { terms } from '../../../shared/search/tokenize'
import { htmlToPlainText } from '../articles/html-to-text'
import type { BodyRef } from '../store/body-store'
import type { StoredItem } from '../store/library-store'
import { SegmentBuilder, type FieldText } from './postings'

/** Word weights per field: a word in the title counts as four in the body. */
export const FIELD_WEIGHTS = { title: 4, author: 2, body: 1 } as const

export interface IndexInput {
  doc: number
  title: string
  author: string | null
  snippet: string
  bodyHash: string
  body: BodyRef | null
  full: { bodyHash: string; body: BodyRef | null } | null
}

/** Reads a body by hash (BodyStore.getSync). */
export interface BodyReader {
  getSync(hash: string, ref?: BodyRef | null): string | null
}

export function indexInputOf(doc: number, item: StoredItem): IndexInput {
  const full = item.fullText
  return {
    doc,
    title: item.title,
    author: item.author,
    snippet: item.snippet,
    bodyHash: item.bodyHash,
    body: item.body ?? null,
    full: full?.status === 'available' ? { bodyHash: full.bodyHash, body: full.body } : null,
  }
}

export function fieldsOf(bodies: BodyReader, input: IndexInput): FieldText[] {
  const body = bodies.getSync(input.bodyHash, input.body)
  const fields: FieldText[] = [
    { text: input.title, weight: FIELD_WEIGHTS.title },
    { text: input.author ?? '', weight: FIELD_WEIGHTS.author },
    { text: body ? htmlToPlainText(body) : input.snippet, weight: FIELD_WEIGHTS.body },
  ]
  if (input.full) {
    const html = bodies.getSync(input.full.bodyHash, input.full.body)
    if (html) fields.push({ text: htmlToPlainText(html), weight: FIELD_WEIGHTS.body })
  }
  return fields
}

/** Adds one item to `builder`; returns its length in words. */
export function indexOne(builder: SegmentBuilder, bodies: BodyReader, input: IndexInput): number {
  return builder.addDocument(input.doc, fieldsOf(bodies, input), terms)
}

/** Indexes a chunk of items (ascending docs) into a new builder, with each one's length. */
export function indexChunk(
  bodies: BodyReader,
  inputs: readonly IndexInput[],
): { builder: SegmentBuilder; lengths: Uint32Array } {
  const builder = new SegmentBuilder()
  const lengths = new Uint32Array(inputs.length)
  inputs.forEach((input, i) => (lengths[i] = indexOne(builder, bodies, input)))
  return { builder, lengths }
}
