// The `reader` command over the same core and data dir as the app. Human-readable output by
// default, JSON with --json; expected failures print one line on stderr and exit 1, usage
// errors exit 2. Pure wiring: every behaviour lives in the core (or, for `parse`, in the same
// functions a sync uses).
import { existsSync } from 'node:fs'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { ReaderError } from '../../shared/result'
import type { ItemSummary } from '../../shared/domain'
import { LIST_PAGE_MAX, type MethodValue } from '../../shared/contract'
import { describeTextRange } from '../../shared/anchoring/describe-text-range'
import { findQuotes } from '../../shared/quotes/find-quotes'
import { appPaths, resolveDataDir } from '../core/app-paths'
import { createCore, type Core } from '../core/create-core'
import { articleBlocks } from '../core/articles/article-blocks'
import { readArticle } from '../core/articles/read-article'
import { sanitizeHtml } from '../core/articles/sanitize-html'
import { parseCommand } from './parse-command'

export const HELP = `reader — the Research Reader command line

Usage: reader [--data DIR] <command> [options]

Commands:
  add <url>                  subscribe to a feed, or to the feed a web page declares
  discover <url>             list the feeds a web page offers
  import <file.opml>         subscribe to every feed in an OPML file (folders kept)
  export-opml [file]         write all subscriptions as OPML (stdout without a file)
  sync [--due] [--concurrency N] [--json]
                             fetch every feed (--due: only feeds due for a check, for cron);
                             progress on stderr, summary on stdout
  feeds [--json]             list subscriptions with status and counts
  remove <feed-id>           unsubscribe; the feed's files (highlights too) are moved to
                             removed/ in the data folder, not deleted
  items [--feed ID] [--unread] [--json]
                             list items, newest first
  search "<query>" [--limit N] [--json]
                             full-text search, best first, with snippets; query words:
                             "a phrase", -word, tag:X, feed:X, folder:X,
                             is:unread|read|starred|annotated, after:DATE, before:DATE
  show <item-id> [--original] [--json]
                             the article as the reader shows it: cleaned text (or the
                             original), its citation and its versions
  quotes <item-id | file.html> [--json]
                             the direct quotations in an article with speaker, role,
                             confidence, offsets in its text, and whether they are speech
  annotate <item-id> --quote "exact text" [--kind quote|claim|plain] [--speaker S]
           [--role R] [--status S] [--note N] [--tag T]... [--occurrence N]
                             highlight text in an article (anchored like one made in the app)
  export [<item-id>] [--format md|csl-json|bibtex|ris|w3c] [--style apa|mla|chicago-nb|chicago-ad]
         [--tag T] [--kind quote|claim|plain] [--status S] [--feed ID] [--query Q]
         [--item ID]... [--pandoc] [--sidecar csl-json|bibtex] [--out DIR|FILE|-] [--json]
                             cited export: one item's note, or a collection of the selected
                             highlights (footnotes and a bibliography, or --pandoc cites plus a
                             sidecar); --out DIR writes a vault (md: a note per article, index,
                             bibliography; re-exports touch only files it wrote) or the files of
                             the format; no --out or '-': stdout
  cite <annotation-id> [--style apa|mla|chicago-nb|chicago-ad]
                             one highlight as Markdown to paste: its words as a blockquote,
                             the speaker, the article's citation linking to the passage
  parse <file|url> [--base-url URL] [--content-type "TYPE; charset=X"] [--clean]
                             read one feed without a library; print it as JSON (--clean adds
                             each item's cleanText and citation)

Options:
  --data DIR                 library folder (default: $READER_DATA_DIR, else the app's data dir)
  --json                     machine-readable output
  -h, --help                 this help
  -v, --version              the version
`

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
}

type FoundQuoteOut = Omit<MethodValue<'findQuotes'>['quotes'][number], 'target'>

export async function runCli(argv: string[], bundleDir: string, io: CliIo): Promise<number> {
  const opened: Core[] = []
  try {
    return await runCommand(argv, bundleDir, io, opened)
  } finally {
    // Write what is pending and stop the parser workers, so the process can exit.
    await Promise.all(opened.map((core) => core.close()))
  }
}

async function runCommand(
  argv: string[],
  bundleDir: string,
  io: CliIo,
  opened: Core[],
): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean' },
        feed: { type: 'string' },
        unread: { type: 'boolean' },
        out: { type: 'string' },
        concurrency: { type: 'string' },
        limit: { type: 'string' },
        due: { type: 'boolean' },
        original: { type: 'boolean' },
        clean: { type: 'boolean' },
        'base-url': { type: 'string' },
        quote: { type: 'string' },
        kind: { type: 'string' },
        speaker: { type: 'string' },
        role: { type: 'string' },
        status: { type: 'string' },
        note: { type: 'string' },
        tag: { type: 'string', multiple: true },
        occurrence: { type: 'string' },
        'content-type': { type: 'string' },
        format: { type: 'string' },
        style: { type: 'string' },
        query: { type: 'string' },
        item: { type: 'string', multiple: true },
        pandoc: { type: 'boolean' },
        sidecar: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
  } catch (error) {
    io.err(`reader: ${(error as Error).message}\nRun \`reader --help\` for usage.`)
    return 2
  }
  const { values, positionals } = parsed
  const paths = appPaths(bundleDir)
  if (values.version) {
    io.out(paths.version)
    return 0
  }
  const [command, ...rest] = positionals
  if (values.help || !command) {
    io.out(HELP)
    return values.help ? 0 : 2
  }
  const dataDir = resolveDataDir(values.data)
  const json = Boolean(values.json)
  const open = async (limits?: { global: number }): Promise<Core> => {
    const core = await createCore({
      dataDir,
      resourcesDir: paths.resourcesDir,
      shell: 'cli',
      version: paths.version,
      seedSample: false,
      parser: { workerScript: existsSync(paths.prepareWorker) ? paths.prepareWorker : null },
      ...(limits ? { limits } : {}),
      log: (message) => io.err(`reader: ${message}`),
    })
    opened.push(core)
    return core
  }
  const failWith = (error: ReaderError): number => {
    io.err(`reader: ${error.message} (${error.code})`)
    return 1
  }

  switch (command) {
    case 'add': {
      const url = rest[0]
      if (!url) return usage(io, 'add needs a feed or page URL')
      const core = await open()
      const result = await core.addFeed({ url })
      if (!result.ok) return failWith(result.error)
      const feed = result.value
      if (json) io.out(JSON.stringify(feed, null, 2))
      else {
        const via = feed.url !== url ? ` via ${url}` : ''
        io.out(
          `Subscribed to ${feed.title} (${feed.id})${via}: ${feed.itemCount} items\n  ${feed.url}`,
        )
      }
      return 0
    }
    case 'discover': {
      const url = rest[0]
      if (!url) return usage(io, 'discover needs a page URL')
      const core = await open()
      const result = await core.discoverFeeds({ url })
      if (!result.ok) return failWith(result.error)
      if (json) io.out(JSON.stringify(result.value, null, 2))
      else if (result.value.length === 0) io.out('No feeds found.')
      else
        for (const f of result.value)
          io.out(`${f.url}  ${f.type}  (${f.source})${f.title ? `  ${f.title}` : ''}`)
      return result.value.length ? 0 : 1
    }
    case 'import': {
      const file = rest[0]
      if (!file) return usage(io, 'import needs an OPML file')
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        io.err(
          `reader: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        )
        return 1
      }
      const core = await open()
      const result = await core.importOpml({ text })
      if (!result.ok) return failWith(result.error)
      const { added, alreadySubscribed, skipped } = result.value
      if (json) io.out(JSON.stringify(result.value, null, 2))
      else
        io.out(
          `Imported ${added} feeds (${alreadySubscribed} already subscribed, ${skipped} skipped). Run \`reader sync\` to fetch them.`,
        )
      return 0
    }
    case 'export-opml': {
      const core = await open()
      const result = await core.exportOpml({})
      if (!result.ok) return failWith(result.error)
      if (rest[0]) {
        await writeFile(rest[0], result.value.text)
        io.err(`Wrote ${rest[0]}`)
      } else io.out(result.value.text.trimEnd())
      return 0
    }
    case 'sync': {
      let limits: { global: number } | undefined
      if (values.concurrency !== undefined) {
        const n = Number(values.concurrency)
        if (!Number.isInteger(n) || n < 1 || n > 64)
          return usage(io, '--concurrency takes a whole number from 1 to 64')
        limits = { global: n }
      }
      const core = await open(limits)
      core.on('syncProgress', (p) =>
        io.err(`sync: ${p.done}/${p.total} feeds, ${p.newItems} new items`),
      )
      const result = await core.syncAll({ dueOnly: Boolean(values.due) })
      if (!result.ok) return failWith(result.error)
      const summary = result.value
      if (json) io.out(JSON.stringify(summary, null, 2))
      else {
        io.out(
          `${summary.feeds} feeds, ${summary.newItems} new items, ${summary.failed} failed, ${summary.skipped} skipped`,
        )
        for (const e of summary.errors) io.out(`  ${e.feedId}: ${e.message} (${e.code})`)
      }
      return summary.failed > 0 && summary.failed === summary.feeds ? 1 : 0
    }
    case 'remove': {
      const feedId = rest[0]
      if (!feedId) return usage(io, 'remove needs a feed id (see `reader feeds`)')
      const core = await open()
      const result = await core.removeFeed({ feedId })
      if (!result.ok) return failWith(result.error)
      const { removedItems, removedAnnotations, keptAt } = result.value
      if (json) io.out(JSON.stringify(result.value, null, 2))
      else
        io.out(
          `Removed ${feedId}: ${removedItems} items, ${removedAnnotations} highlights; files kept in ${keptAt}`,
        )
      return 0
    }
    case 'feeds': {
      const core = await open()
      const result = await core.listFeeds({})
      if (!result.ok) return failWith(result.error)
      if (json) io.out(JSON.stringify(result.value, null, 2))
      else
        for (const f of result.value) {
          const status = f.gone
            ? 'gone'
            : f.lastError
              ? `error: ${f.lastError.message}`
              : f.lastSuccessAt
                ? 'ok'
                : 'never synced'
          const folder = f.folder.length ? `  [${f.folder.join(' / ')}]` : ''
          io.out(
            `${f.id}  ${f.title}${folder}  ${f.unreadCount}/${f.itemCount} unread  ${status}\n    ${f.url}`,
          )
        }
      return 0
    }
    case 'items': {
      const core = await open()
      const filter = { feedId: values.feed, unreadOnly: Boolean(values.unread) }
      // Page through one snapshot of the listing, so the pages fit together.
      const items: ItemSummary[] = []
      let snapshot: string | undefined
      for (;;) {
        const result = await core.listItems({
          ...filter,
          offset: items.length,
          limit: LIST_PAGE_MAX,
          ...(snapshot ? { snapshot } : {}),
        })
        if (!result.ok) return failWith(result.error)
        if (snapshot && result.value.snapshot !== snapshot) {
          items.length = 0 // the listing changed under us (retention): start over
          snapshot = result.value.snapshot
          continue
        }
        snapshot = result.value.snapshot
        items.push(...result.value.items)
        if (result.value.items.length === 0 || items.length >= result.value.total) break
      }
      if (json) io.out(JSON.stringify(items, null, 2))
      else
        for (const item of items) {
          const date = (item.published ?? item.firstSeenAt).slice(0, 10)
          io.out(`${item.id}  ${date}  ${item.read ? ' ' : '*'} ${item.title}  — ${item.feedTitle}`)
        }
      return 0
    }
    case 'search': {
      const query = rest.join(' ')
      if (!query.trim())
        return usage(io, 'search needs a query, e.g. reader search "ceasefire talks"')
      const limit = values.limit === undefined ? 20 : Number(values.limit)
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        return usage(io, '--limit takes a whole number from 1 to 500')
      const core = await open()
      // A one-shot command answers from a complete index: wait for it (built once, then kept).
      const first = await core.search({ query: '', limit: 1 })
      if (first.ok && first.value.indexing)
        io.err(`reader: indexing the library for search (${first.value.indexing.total} items)…`)
      await core.searchIdle()
      // A complete word, not a prefix: the command line is not typed live.
      const result = await core.search({ query: `${query} `, limit })
      if (!result.ok) return failWith(result.error)
      const found = result.value
      for (const problem of found.problems) io.err(`reader: ${problem}`)
      if (json) {
        io.out(JSON.stringify(found, null, 2))
        return 0
      }
      io.out(`${found.total} ${found.total === 1 ? 'hit' : 'hits'} (${found.tookMs} ms)`)
      for (const hit of found.hits) {
        const item = hit.item
        const date = (item.published ?? item.firstSeenAt).slice(0, 10)
        io.out(`\n${item.id}  ${date}  ${item.title}  — ${item.feedTitle}`)
        for (const snippet of hit.snippets) {
          if (snippet.field === 'title' || snippet.field === 'feed') continue
          let text = ''
          let at = 0
          for (const [start, end] of snippet.marks) {
            text += `${snippet.text.slice(at, start)}[${snippet.text.slice(start, end)}]`
            at = end
          }
          io.out(`  ${snippet.field}: ${text}${snippet.text.slice(at)}`)
        }
      }
      return 0
    }
    case 'show': {
      const itemId = rest[0]
      if (!itemId) return usage(io, 'show needs an item id (see `reader items`)')
      const core = await open()
      const result = await core.getArticle({ itemId })
      if (!result.ok) return failWith(result.error)
      const article = result.value
      const read = readArticle(article.contentHtml, {
        title: article.title,
        author: article.author,
        published: article.published,
        link: article.link,
        feedTitle: article.feedTitle,
        language: article.citation.language,
        accessed: article.fetchedAt,
      })
      const text = values.original ? read.originalText : read.cleanText
      const versions = article.versions
      if (json) {
        io.out(
          JSON.stringify(
            { id: article.id, feed: article.feedTitle, text, citation: article.citation, versions },
            null,
            2,
          ),
        )
      } else {
        const c = article.citation
        io.out(
          [
            c.title,
            `${c.authors.length ? c.authors.join(', ') : '(no author)'} — ${c.publisher ?? article.feedTitle} — ${c.published ?? 'no date'}`,
            `${c.url ?? '(no URL)'} (accessed ${c.accessed.slice(0, 10)}; ${c.type}${c.language ? `; ${c.language}` : ''})`,
            `${versions.length} version${versions.length === 1 ? '' : 's'}: ${versions.map((v) => `${v.index + 1} (${v.fetchedAt.slice(0, 16)})`).join(', ')}`,
            '',
            text,
          ].join('\n'),
        )
      }
      return 0
    }
    case 'quotes': {
      const source = rest[0]
      if (!source) return usage(io, 'quotes needs an item id or an HTML file')
      let quotes: FoundQuoteOut[]
      if (/^i-[a-z0-9-]+$/.test(source) && !existsSync(source)) {
        const core = await open()
        const result = await core.findQuotes({ itemId: source })
        if (!result.ok) return failWith(result.error)
        quotes = result.value.quotes
      } else {
        let html: string
        try {
          html = await readFile(source, 'utf8')
        } catch (error) {
          io.err(`reader: cannot read ${source}: ${(error as Error).message}`)
          return 1
        }
        quotes = findQuotes(articleBlocks(sanitizeHtml(html, null).html).join('\n\n'))
      }
      const rows = quotes.map((q) => ({
        text: q.text,
        speaker: q.speaker,
        role: q.role,
        confidence: Math.round(q.confidence * 100) / 100,
        start: q.start,
        end: q.end,
        isSpeech: q.isSpeech,
        kind: q.kind,
      }))
      if (json) io.out(JSON.stringify(rows, null, 2))
      else
        for (const q of rows) {
          const who = q.speaker ?? (q.role ? `(${q.role})` : 'unattributed')
          const role = q.speaker && q.role ? `, ${q.role}` : ''
          io.out(
            `${q.isSpeech ? 'speech' : q.kind.padEnd(6)}  ${q.confidence.toFixed(2)}  ${who}${role}\n    “${q.text}” [${q.start}–${q.end}]`,
          )
        }
      return 0
    }
    case 'annotate': {
      const itemId = rest[0]
      const exact = values.quote
      if (!itemId || !exact) return usage(io, 'annotate needs an item id and --quote "exact text"')
      const kind = values.kind ?? 'plain'
      if (kind !== 'plain' && kind !== 'quote' && kind !== 'claim')
        return usage(io, '--kind is quote, claim or plain')
      const status = values.status
      const statuses = ['unverified', 'supported', 'disputed', 'refuted'] as const
      if (status !== undefined && !statuses.includes(status as (typeof statuses)[number]))
        return usage(io, `--status is one of ${statuses.join(', ')}`)
      const occurrence = Number(values.occurrence ?? 1)
      if (!Number.isInteger(occurrence) || occurrence < 1)
        return usage(io, '--occurrence is a whole number from 1')
      const core = await open()
      const text = await core.readerText(itemId)
      if (text === null) return failWith({ code: 'not-found', message: 'No such item' })
      let start = -1
      for (let n = 0; n < occurrence; n++) start = text.indexOf(exact, start + 1)
      if (start === -1) {
        io.err(
          `reader: the article does not contain that text${occurrence > 1 ? ` ${occurrence} times` : ''}`,
        )
        return 1
      }
      const result = await core.createAnnotation({
        itemId,
        kind,
        note: values.note ?? '',
        tags: values.tag ?? [],
        target: describeTextRange(text, start, start + exact.length),
        ...(kind === 'quote' && values.speaker
          ? { speaker: { name: values.speaker, role: values.role ?? null } }
          : {}),
        ...(kind === 'claim' && status ? { status: status as (typeof statuses)[number] } : {}),
      })
      if (!result.ok) return failWith(result.error)
      if (json) io.out(JSON.stringify(result.value, null, 2))
      else
        io.out(
          `Saved ${result.value.kind} ${result.value.id} on ${itemId} at ${start}–${start + exact.length}`,
        )
      return 0
    }
    case 'export':
      return exportCommand(rest, values, io, open, failWith, json)
    case 'cite': {
      const annotationId = rest[0]
      if (!annotationId || !/^[a-z0-9-]{1,64}$/.test(annotationId))
        return usage(io, 'cite needs a highlight id (as `reader annotate` prints it)')
      const style = values.style ?? 'apa'
      if (!oneOf(style, STYLES)) return usage(io, `--style is one of ${STYLES.join(', ')}`)
      const core = await open()
      const result = await core.citeAnnotation({ annotationId, style })
      if (!result.ok) return failWith(result.error)
      if (json) io.out(JSON.stringify(result.value, null, 2))
      else io.out(result.value.markdown.replace(/\n$/, ''))
      return 0
    }
    case 'parse': {
      const source = rest[0]
      if (!source) return usage(io, 'parse needs a file or URL')
      const result = await parseCommand(source, {
        ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
        ...(values['content-type'] ? { contentType: values['content-type'] } : {}),
        clean: Boolean(values.clean),
      })
      if (!result.ok) {
        io.err(`reader: ${result.error.message}`)
        return 1
      }
      io.out(JSON.stringify(result.value, null, 2))
      return 0
    }
    default:
      return usage(io, `unknown command "${command}"`)
  }
}

const FORMATS = ['md', 'csl-json', 'bibtex', 'ris', 'w3c'] as const
const STYLES = ['apa', 'mla', 'chicago-nb', 'chicago-ad'] as const
const KINDS = ['plain', 'quote', 'claim'] as const
const STATUSES = ['unverified', 'supported', 'disputed', 'refuted'] as const

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): value is T {
  return value !== undefined && (allowed as readonly string[]).includes(value)
}

interface ExportValues {
  format?: string
  style?: string
  tag?: string[]
  kind?: string
  status?: string
  feed?: string
  query?: string
  item?: string[]
  pandoc?: boolean
  sidecar?: string
  out?: string
}

/** `reader export`: one article's note, a collection, or a vault (see HELP). */
async function exportCommand(
  positionals: string[],
  values: ExportValues,
  io: CliIo,
  open: () => Promise<Core>,
  failWith: (error: ReaderError) => number,
  json: boolean,
): Promise<number> {
  const format = values.format ?? 'md'
  if (!oneOf(format, FORMATS)) return usage(io, `--format is one of ${FORMATS.join(', ')}`)
  const style = values.style ?? 'apa'
  if (!oneOf(style, STYLES)) return usage(io, `--style is one of ${STYLES.join(', ')}`)
  if (values.kind !== undefined && !oneOf(values.kind, KINDS))
    return usage(io, `--kind is one of ${KINDS.join(', ')}`)
  if (values.status !== undefined && !oneOf(values.status, STATUSES))
    return usage(io, `--status is one of ${STATUSES.join(', ')}`)
  const sidecar = values.sidecar ?? 'csl-json'
  if (!oneOf(sidecar, ['csl-json', 'bibtex'] as const))
    return usage(io, '--sidecar is csl-json or bibtex')
  if ((values.tag?.length ?? 0) > 1) return usage(io, 'export takes one --tag')
  if (values.pandoc && format !== 'md') return usage(io, '--pandoc goes with --format md')
  if (values.query !== undefined && !values.query.trim()) return usage(io, '--query needs words')
  const itemIds = [...positionals, ...(values.item ?? [])]
  const badId = itemIds.find((id) => !/^[a-z0-9-]{1,64}$/.test(id))
  if (badId !== undefined) return usage(io, `"${badId}" is not an item id (see \`reader items\`)`)
  const selection = {
    ...(values.tag?.[0] ? { tag: values.tag[0] } : {}),
    ...(values.kind ? { kind: values.kind as (typeof KINDS)[number] } : {}),
    ...(values.status ? { status: values.status as (typeof STATUSES)[number] } : {}),
    ...(values.feed ? { feedId: values.feed } : {}),
    ...(values.query ? { query: values.query } : {}),
    ...(itemIds.length ? { itemIds } : {}),
  }
  const out = values.out && values.out !== '-' ? resolve(values.out) : null
  const outIsDir = out !== null && (await stat(out).catch(() => null))?.isDirectory() === true
  const core = await open()
  // One item, no filters, Markdown: the article's own note (as `reader export <id>` always was).
  const single =
    format === 'md' &&
    !values.pandoc &&
    itemIds.length === 1 &&
    Object.keys(selection).length === 1 &&
    !outIsDir
  if (single) {
    const result = await core.exportArticleMarkdown({ itemId: itemIds[0]!, style })
    if (!result.ok) return failWith(result.error)
    if (out) {
      await writeFile(out, result.value.markdown)
      io.err(`Wrote ${out}`)
    } else io.out(result.value.markdown.replace(/\n$/, ''))
    return 0
  }
  if (out && format === 'md' && !values.pandoc) {
    await mkdir(out, { recursive: true })
    const result = await core.exportVault({ folder: out, selection, style, sidecar })
    if (!result.ok) return failWith(result.error)
    const r = result.value
    if (json) io.out(JSON.stringify(r, null, 2))
    else {
      io.out(
        `${r.articles} articles, ${r.annotations} highlights → ${r.folder}: ${r.written.length} written, ${r.updated.length} updated, ${r.unchanged.length} unchanged`,
      )
      for (const { wanted, wroteAs } of r.renamed)
        io.out(`  ${wanted} is not ours: wrote ${wroteAs} beside it`)
    }
    return 0
  }
  const result = await core.exportCollection({
    selection,
    format,
    style,
    sidecar,
    ...(values.pandoc ? { pandoc: true } : {}),
  })
  if (!result.ok) return failWith(result.error)
  const { files } = result.value
  if (out) {
    await mkdir(out, { recursive: true })
    for (const file of files) await writeFile(join(out, file.fileName), file.text)
    if (json) io.out(JSON.stringify({ ...result.value, files: files.map((f) => f.fileName) }))
    else io.out(files.map((f) => `Wrote ${join(out, f.fileName)}`).join('\n'))
    return 0
  }
  io.out(files[0]!.text.replace(/\n$/, ''))
  if (files.length > 1)
    io.err(
      `reader: ${files
        .slice(1)
        .map((f) => f.fileName)
        .join(', ')} not printed: use --out DIR`,
    )
  return 0
}

function usage(io: CliIo, message: string): number {
  io.err(`reader: ${message}\nRun \`reader --help\` for usage.`)
  return 2
}
