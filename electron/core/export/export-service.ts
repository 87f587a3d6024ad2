// The export methods of the contract: one article's cited note, a collection (one Markdown
// document with footnotes or Pandoc cites, or CSL-JSON / BibTeX / RIS / W3C annotations), a
// cheap preview of it, and a vault written into a folder (write-vault). Selection and assembly
// live here; the Markdown itself is built by the pure shared/export builders.
import type { MethodArgs, MethodResult } from '../../../shared/contract'
import type { Annotation, Article, Citation } from '../../../shared/domain'
import {
  cacheCitations,
  cachedCitation,
  cachedCitations,
  footnoteCitation,
  footnoteForm,
  uncachedCitations,
} from '../../../shared/export/cached-citation'
import {
  type BlockTarget,
  type EvidenceSource,
  type NoteArticle,
  blockIdOf,
  buildCitedNote,
  inDocumentOrder,
} from '../../../shared/export/cited-note'
import {
  type CollectionArticle,
  buildCollectionDocument,
  buildVaultIndex,
  vaultFileNames,
} from '../../../shared/export/collection-document'
import { slugify } from '../../../shared/export/slugify'
import { toBibtex, toCslJson, toRis } from '../../../shared/export/formats/bibliography-formats'
import { assignCitekeys } from '../../../shared/export/formats/citekey'
import type { CitationForm, CitationStyle } from '../../../shared/export/formats/styles'
import { toWebAnnotations } from '../../../shared/export/formats/web-annotation'
import { fail, ok } from '../../../shared/result'
import { toAnnotation } from '../annotations/stored-annotation'
import type { LibraryStore } from '../store/library-store'
import type { KeptCitations } from './citation-cache-file'
import type { CitationRenderer } from './citation-renderer'
import { checkFolder, writeVault, type VaultFile } from './write-vault'

export interface ExportDeps {
  store: LibraryStore
  /** An item's title and the citation getArticle gives it (never a bot as author). */
  citationOf: (itemId: string) => Promise<Pick<Article, 'title' | 'citation'> | null>
  /** Item ids the search method finds for a query (best first). */
  searchItems: (query: string) => Promise<string[]>
  /** Renders citations (on a worker thread when there is one). */
  renderer: Pick<CitationRenderer, 'render' | 'warm' | 'usesWorker'>
  now: () => Date
  /** Rendered texts kept across restarts (none: this process's memory only). */
  kept?: Pick<KeptCitations, 'ready' | 'changed'>
}

type Selection = MethodArgs<'exportCollection'>['selection']
type CollectionArgs = MethodArgs<'exportCollection'>

/** Articles a preview renders in full: enough to judge the look, cheap to format. */
const PREVIEW_ARTICLES = 3

interface Picked {
  itemId: string
  feedId: string
  annotations: Annotation[]
}

interface Assembled {
  article: NoteArticle
  annotations: Annotation[]
  citekey: string
}

const SIDECAR_NAME = { 'csl-json': 'references.json', bibtex: 'references.bib' } as const

/** Citations sent to the renderer at a time, as the export reads their articles. */
const RENDER_CHUNK = 25
/** The longest the export keeps the event loop (other calls, events) waiting. */
const SLICE_MS = 50

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Yields to the event loop once `SLICE_MS` of work has passed since the last turn. */
function slicer(): () => Promise<void> {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < SLICE_MS) return
    await nextTurn()
    since = performance.now()
  }
}

/** The citations an export prints, and its worker's warm-up when started early. */
interface Rendering {
  style: CitationStyle
  forms: CitationForm[]
  warming?: Promise<void> | null
}

/** Chunks the renderer is given at a time (one rendering, one waiting: it never idles). */
const IN_FLIGHT = 2

/**
 * Has the citations an export prints rendered (and cached) while the export reads on: they are
 * queued in chunks as their articles are read and handed to the renderer — on its worker,
 * citeproc runs meanwhile — a couple at a time. When the reading is done (`done`), this thread
 * takes chunks from the other end of the queue and renders them itself, so both threads work
 * until the queue is empty; `done` resolves when every text is in the cache.
 */
function prefetcher(renderer: ExportDeps['renderer'], { style, forms, warming }: Rendering) {
  const queue: { citations: Citation[]; form: CitationForm }[] = []
  const rendering = new Set<Promise<void>>()
  const track = (job: Promise<void>): void => {
    const tracked: Promise<void> = job.finally(() => {
      rendering.delete(tracked)
      pump()
    })
    rendering.add(tracked)
  }
  let batch: Citation[] = []
  const pump = (): void => {
    while (rendering.size < IN_FLIGHT && queue.length > 0) {
      const { citations, form } = queue.shift()!
      const missing = uncachedCitations(citations, style, form)
      if (missing.length === 0) continue
      track(
        renderer
          .render(missing, style, form)
          .then((texts) => cacheCitations(missing, style, form, texts)),
      )
    }
  }
  // A worker loads citeproc and the style's engine while the articles are read (from the start
  // of the export when it was asked to, see startRendering).
  if (warming) track(warming)
  else if (renderer.usesWorker && forms.length > 0) track(renderer.warm(style))
  const flush = (): void => {
    if (batch.length === 0) return
    for (const form of new Set(forms)) queue.push({ citations: batch, form })
    batch = []
    pump()
  }
  return {
    add(citation: Citation): void {
      batch.push(citation)
      if (batch.length >= RENDER_CHUNK) flush()
    },
    async done(): Promise<void> {
      flush()
      while (queue.length > 0) {
        const { citations, form } = queue.pop()!
        cachedCitations(citations, style, form)
        await nextTurn()
      }
      while (rendering.size > 0) await Promise.all(rendering)
    },
    /**
     * Resolves when the renderer has rendered everything added: nothing is rendered on this
     * thread unless there is no worker (background work must not hold the thread up).
     */
    async drain(): Promise<void> {
      flush()
      while (rendering.size > 0) await Promise.all(rendering)
    },
  }
}

export function createExportService(deps: ExportDeps) {
  const { store } = deps

  /**
   * Reads the feeds an export cites — its articles' and those of the evidence its claims link
   * to — if the store has not yet. Opened from the listing catalog, a store reads every feed only
   * in the background; an export of 400 articles should not wait for all 1,000 feeds.
   */
  const loadCited = async (
    picked: readonly { feedId: string; annotations: readonly Annotation[] }[],
  ): Promise<void> => {
    const feedIds = new Set(picked.map((p) => p.feedId))
    for (const p of picked)
      for (const annotation of p.annotations)
        for (const link of annotation.evidence) {
          const found = store.findAnnotation(link.annotationId)
          if (found) feedIds.add(found.feedId)
        }
    await store.loadFeeds(feedIds)
  }
  /**
   * Has the worker load citeproc and the style's engine now (~0.3–0.5 s in a fresh process), on
   * the other core while the export selects and reads its articles.
   */
  const startRendering = (render: Rendering): Rendering => ({
    ...render,
    warming:
      deps.renderer.usesWorker && render.forms.length > 0
        ? deps.renderer.warm(render.style).catch(() => {})
        : null,
  })

  /** Resolved citations by item and everything they are made from (bodies are immutable). */
  const citations = new Map<string, { key: string; article: NoteArticle }>()

  const noteArticle = async (itemId: string): Promise<NoteArticle | null> => {
    const found = store.findItem(itemId)
    if (!found) return null
    const { item } = found
    const key = JSON.stringify([
      item.bodyHash,
      item.title,
      item.author,
      item.link,
      item.published,
      item.fetchedAt,
      item.fullText?.status === 'available' ? item.fullText.bodyHash : null,
      item.page ?? null,
      store.itemState(found.feedId, itemId).citation ?? null,
      store.feed(found.feedId)?.title ?? null,
    ])
    const known = citations.get(itemId)
    if (known?.key === key) return known.article
    const article = await deps.citationOf(itemId)
    if (!article) return null
    const value: NoteArticle = {
      itemId,
      title: article.title,
      citation: article.citation,
      versionHash: item.bodyHash.slice(0, 12),
    }
    citations.set(itemId, { key, article: value })
    return value
  }

  /** The selected articles (chronological, then by title) with their matching annotations. */
  const select = async (selection: Selection): Promise<Picked[]> => {
    const tag = selection.tag?.toLowerCase()
    const matches = (a: Annotation): boolean =>
      (!selection.kind || a.kind === selection.kind) &&
      (!tag || a.tags.some((t) => t.toLowerCase() === tag)) &&
      (!selection.status || a.claim?.status === selection.status)
    let allowed: Set<string> | null = selection.itemIds ? new Set(selection.itemIds) : null
    if (selection.query) {
      const hits = new Set(await deps.searchItems(selection.query))
      allowed = allowed ? new Set([...allowed].filter((id) => hits.has(id))) : hits
    }
    const byItem = new Map<string, Picked>()
    const feeds = selection.feedId ? [selection.feedId] : store.feeds().map((f) => f.id)
    for (const feedId of feeds) {
      for (const stored of store.annotations(feedId)) {
        if (allowed && !allowed.has(stored.itemId)) continue
        const annotation = toAnnotation(stored)
        if (!matches(annotation)) continue
        const picked = byItem.get(stored.itemId)
        if (picked) picked.annotations.push(annotation)
        else byItem.set(stored.itemId, { itemId: stored.itemId, feedId, annotations: [annotation] })
      }
    }
    // Chosen items are exported even without (matching) highlights.
    for (const itemId of selection.itemIds ?? []) {
      await store.loadItemFeed(itemId)
      const found = store.findItem(itemId)
      if (!found || byItem.has(itemId)) continue
      if (selection.feedId && found.feedId !== selection.feedId) continue
      if (allowed && !allowed.has(itemId)) continue
      byItem.set(itemId, { itemId, feedId: found.feedId, annotations: [] })
    }
    await loadCited([...byItem.values()])
    const sortKey = (p: Picked): string => {
      const item = store.findItem(p.itemId)?.item
      return `${item?.published ?? item?.fetchedAt ?? ''}\u0000${item?.title ?? ''}\u0000${p.itemId}`
    }
    const picked = [...byItem.values()].filter((p) => store.findItem(p.itemId))
    const keys = new Map(picked.map((p) => [p.itemId, sortKey(p)]))
    picked.sort((a, b) => (keys.get(a.itemId)! < keys.get(b.itemId)! ? -1 : 1))
    for (const p of picked) p.annotations = inDocumentOrder(p.annotations)
    return picked
  }

  /**
   * The picked articles with their citations and citekeys; the citations are rendered in `style`
   * and `forms` meanwhile (ready in the cache when this resolves).
   */
  const assemble = async (
    picked: Picked[],
    render: Rendering,
    keysOver: Picked[] = picked,
  ): Promise<Assembled[]> =>
    // What the user waits for goes before the background load of the remaining feeds.
    store.inForeground(async () => {
      await deps.kept?.ready()
      const out: { article: NoteArticle; annotations: Annotation[] }[] = []
      const pause = slicer()
      const prefetch = prefetcher(deps.renderer, render)
      for (const p of picked) {
        const article = await noteArticle(p.itemId)
        if (article) {
          out.push({ article, annotations: p.annotations })
          prefetch.add(article.citation)
        }
        await pause()
      }
      // Keys over the whole export, so a preview shows the keys the export will use.
      const assembled = new Map(out.map((o) => [o.article.itemId, o.article]))
      const keyed: { citation: Citation; itemId: string }[] = []
      for (const p of keysOver) {
        const citation =
          assembled.get(p.itemId)?.citation ?? (await noteArticle(p.itemId))?.citation
        if (citation) keyed.push({ citation, itemId: p.itemId })
        await pause()
      }
      const keys = assignCitekeys(keyed)
      await prefetch.done()
      deps.kept?.changed()
      return out.map((o) => ({ ...o, citekey: keys.get(o.article.itemId) ?? 'anon' }))
    })

  /** Where an evidence highlight is: a block of the export (in `fileOf`'s file), or its source. */
  const evidenceLinker =
    (inExport: Map<string, string>, fileOf: (itemId: string) => string | null) =>
    (annotationId: string): BlockTarget | EvidenceSource | null => {
      const itemId = inExport.get(annotationId)
      if (itemId !== undefined) return { file: fileOf(itemId), blockId: blockIdOf(annotationId) }
      const found = store.findAnnotation(annotationId)
      if (!found) return null
      const item = store.findItem(found.annotation.itemId)?.item
      return {
        exact: found.annotation.target.quote.exact,
        url: item?.link ?? null,
        title: item?.title ?? '',
      }
    }

  const annotationIndex = (assembled: { annotations: Annotation[] }[]): Map<string, string> =>
    new Map(assembled.flatMap((a) => a.annotations.map((n) => [n.id, n.itemId] as const)))

  const markExported = async (picked: Picked[]): Promise<void> => {
    // An exported article is cited somewhere: retention must never remove it. One write for the
    // whole export (exports.json): a mark in each feed's state.json cost 400 fsynced writes, 1.6 s.
    const fresh = picked.filter((p) => !store.isExported(p.feedId, p.itemId))
    await store.setItemsExported(
      fresh.map((p) => p.itemId),
      deps.now().toISOString(),
    )
  }

  const collectionFiles = (assembled: Assembled[], args: CollectionArgs) => {
    const style: CitationStyle = args.style ?? 'apa'
    const format = args.format ?? 'md'
    const entries = assembled.map((a) => ({
      citation: a.article.citation,
      itemId: a.article.itemId,
      annotations: a.annotations,
    }))
    const title = collectionTitle(args.selection)
    const base = slugify(title) || 'research-reader-export'
    const sidecar = args.sidecar ?? 'csl-json'
    const sidecarFile = (): { fileName: string; mediaType: string; text: string } =>
      sidecar === 'bibtex'
        ? { fileName: `${base}.bib`, mediaType: 'application/x-bibtex', text: toBibtex(entries) }
        : {
            fileName: `${base}.json`,
            mediaType: 'application/vnd.citationstyles.csl+json',
            text: toCslJson(entries),
          }
    switch (format) {
      case 'csl-json':
        return [{ ...sidecarFileOf('csl-json'), fileName: `${base}.json` }]
      case 'bibtex':
        return [{ ...sidecarFileOf('bibtex'), fileName: `${base}.bib` }]
      case 'ris':
        return [
          {
            fileName: `${base}.ris`,
            mediaType: 'application/x-research-info-systems',
            text: toRis(entries),
          },
        ]
      case 'w3c': {
        const sources = new Map(
          assembled.map((a) => [a.article.itemId, { url: a.article.citation.url }]),
        )
        const collection = toWebAnnotations(
          entries.flatMap((e) => e.annotations),
          sources,
          { label: title },
        )
        return [
          {
            fileName: `${base}.jsonld`,
            mediaType: 'application/ld+json',
            text: `${JSON.stringify(collection, null, 2)}\n`,
          },
        ]
      }
      default: {
        const sidecarOut = args.pandoc ? sidecarFile() : null
        const inExport = annotationIndex(assembled)
        const articles: CollectionArticle[] = assembled.map((a) => ({
          ...a,
          bibliography: args.pandoc
            ? ''
            : cachedCitation(a.article.citation, style, 'bibliography'),
          note: args.pandoc ? '' : footnoteCitation(a.article.citation, style),
        }))
        const markdown = buildCollectionDocument(articles, {
          title,
          mode: args.pandoc ? 'pandoc' : 'footnotes',
          ...(sidecarOut ? { sidecar: sidecarOut.fileName } : {}),
          evidenceLink: evidenceLinker(inExport, () => null),
        })
        return [
          { fileName: `${base}.md`, mediaType: 'text/markdown', text: markdown },
          ...(sidecarOut ? [sidecarOut] : []),
        ]
      }
    }
    function sidecarFileOf(kind: 'csl-json' | 'bibtex') {
      return kind === 'bibtex'
        ? { fileName: '', mediaType: 'application/x-bibtex', text: toBibtex(entries) }
        : {
            fileName: '',
            mediaType: 'application/vnd.citationstyles.csl+json',
            text: toCslJson(entries),
          }
    }
  }

  const counts = (picked: Picked[]) => ({
    articles: picked.length,
    annotations: picked.reduce((n, p) => n + p.annotations.length, 0),
  })

  const checkSelection = (selection: Selection): string | null => {
    if (selection.feedId && !store.feed(selection.feedId)) return 'No such feed'
    return null
  }

  return {
    /** Drops what is cached of an item's citation (its fields were just corrected). */
    forget(itemId: string): void {
      citations.delete(itemId)
    },

    async articleMarkdown(
      args: MethodArgs<'exportArticleMarkdown'>,
    ): Promise<MethodResult<'exportArticleMarkdown'>> {
      await store.loadItemFeed(args.itemId)
      const found = store.findItem(args.itemId)
      const article = found ? await noteArticle(args.itemId) : null
      if (!found || !article) return fail('not-found', 'No such item')
      const picked = { itemId: args.itemId, feedId: found.feedId, annotations: [] as Annotation[] }
      picked.annotations = inDocumentOrder(
        store
          .annotations(found.feedId)
          .filter((a) => a.itemId === args.itemId)
          .map(toAnnotation),
      )
      await loadCited([picked])
      if (!args.preview) await markExported([picked])
      const style = args.style ?? 'apa'
      const [assembled] = await assemble([picked], { style, forms: ['bibliography'] })
      const inExport = annotationIndex([picked])
      const markdown = buildCitedNote(article, picked.annotations, {
        citekey: assembled!.citekey,
        citationText: cachedCitation(article.citation, style, 'bibliography'),
        evidenceLink: evidenceLinker(inExport, () => null),
      })
      const fileName = vaultFileNames([{ itemId: article.itemId, title: article.title }]).get(
        article.itemId,
      )!
      return ok({ fileName, markdown })
    },

    /**
     * Renders the citations of these articles in `style` on the citation worker and caches them
     * (kept across restarts): their first export then renders nothing. For idle time — this
     * thread only resolves the citations (a body read each), a few milliseconds at a time.
     */
    async prerender(itemIds: readonly string[], style: CitationStyle): Promise<void> {
      await deps.kept?.ready()
      const prefetch = prefetcher(deps.renderer, {
        style,
        forms: [...new Set<CitationForm>(['bibliography', footnoteForm(style)])],
      })
      const pause = slicer()
      for (const itemId of itemIds) {
        await store.loadItemFeed(itemId)
        const article = await noteArticle(itemId)
        if (article) prefetch.add(article.citation)
        await pause()
      }
      await prefetch.drain()
      deps.kept?.changed()
    },

    async preview(args: CollectionArgs): Promise<MethodResult<'previewExport'>> {
      const problem = checkSelection(args.selection)
      if (problem) return fail('not-found', problem)
      const rendering = startRendering(renderingFor(args))
      const picked = await select(args.selection)
      const shown = picked.slice(0, PREVIEW_ARTICLES)
      const assembled = await assemble(shown, rendering, picked)
      const files = collectionFiles(assembled, args)
      return ok({
        ...counts(picked),
        fileNames: files.map((f) => f.fileName),
        text: files[0]?.text ?? '',
        truncated: shown.length < picked.length,
      })
    },

    async collection(args: CollectionArgs): Promise<MethodResult<'exportCollection'>> {
      const problem = checkSelection(args.selection)
      if (problem) return fail('not-found', problem)
      const rendering = startRendering(renderingFor(args))
      const picked = await select(args.selection)
      if (picked.length === 0) return fail('nothing-selected', 'Nothing matches that selection')
      const assembled = await assemble(picked, rendering)
      const files = collectionFiles(assembled, args)
      await markExported(picked)
      return ok({ ...counts(picked), files })
    },

    async vault(args: MethodArgs<'exportVault'>): Promise<MethodResult<'exportVault'>> {
      const folderProblem = await checkFolder(args.folder)
      if (folderProblem) return fail(folderProblem.code, folderProblem.message)
      const problem = checkSelection(args.selection)
      if (problem) return fail('not-found', problem)
      const style: CitationStyle = args.style ?? 'apa'
      const rendering = startRendering({ style, forms: ['bibliography'] })
      const picked = await select(args.selection)
      if (picked.length === 0) return fail('nothing-selected', 'Nothing matches that selection')
      const assembled = await assemble(picked, rendering)
      const names = vaultFileNames(
        assembled.map((a) => ({ itemId: a.article.itemId, title: a.article.title })),
      )
      const inExport = annotationIndex(assembled)
      const sidecar = args.sidecar ?? 'csl-json'
      const sidecarName = SIDECAR_NAME[sidecar]
      const entries = assembled.map((a) => ({
        citation: a.article.citation,
        itemId: a.article.itemId,
      }))
      const index = 'research-reader-index.md'
      const files: VaultFile[] = [
        ...assembled.map((a) => ({ fileName: names.get(a.article.itemId)!, id: a.article.itemId })),
        { fileName: sidecarName, id: null },
        { fileName: index, id: 'research-reader-index' },
      ]
      const render = (placedAs: (fileName: string) => string): string[] => [
        ...assembled.map((a) => {
          const own = a.article.itemId
          const link = evidenceLinker(inExport, (itemId) =>
            itemId === own ? null : placedAs(names.get(itemId)!).replace(/\.md$/, ''),
          )
          return buildCitedNote(a.article, a.annotations, {
            citekey: a.citekey,
            citationText: cachedCitation(a.article.citation, style, 'bibliography'),
            evidenceLink: link,
          })
        }),
        sidecar === 'bibtex' ? toBibtex(entries) : toCslJson(entries),
        buildVaultIndex(
          assembled.map((a) => ({
            fileName: placedAs(names.get(a.article.itemId)!),
            title: a.article.title,
            bibliography: cachedCitation(a.article.citation, style, 'bibliography'),
          })),
          placedAs(sidecarName),
        ),
      ]
      const written = await writeVault(args.folder, files, render)
      if (!written.ok) return fail('write-failed', written.message)
      await markExported(picked)
      return ok({ ...counts(picked), folder: args.folder, ...written.report })
    },
  }
}

/** The citations a collection prints: none in Pandoc mode or in a bibliography format. */
function renderingFor(args: CollectionArgs): Rendering {
  const style = args.style ?? 'apa'
  if ((args.format ?? 'md') !== 'md' || args.pandoc) return { style, forms: [] }
  return { style, forms: ['bibliography', footnoteForm(style)] }
}

/** A title saying what the collection holds, e.g. "Highlights tagged border (claims)". */
function collectionTitle(selection: Selection): string {
  const parts: string[] = []
  if (selection.tag) parts.push(`tagged ${selection.tag}`)
  if (selection.status) parts.push(`${selection.status}`)
  if (selection.query) parts.push(`matching “${selection.query}”`)
  const kind = selection.kind ? `${selection.kind === 'quote' ? 'Quotes' : 'Claims'}` : 'Highlights'
  return parts.length ? `${kind} ${parts.join(', ')}` : `${kind} — Research Reader export`
}
