// The `reader` command over the same core and data dir as the app. Human-readable output by
// default, JSON with --json; expected failures print one line on stderr and exit 1, usage
// errors exit 2. Pure wiring: every behaviour lives in the core.
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import type { ReaderError } from '../../shared/result'
import { appPaths, resolveDataDir } from '../core/app-paths'
import { createCore, type Core } from '../core/create-core'

export const HELP = `reader — the Research Reader command line

Usage: reader [--data DIR] <command> [options]

Commands:
  add <url>                  subscribe to a feed (RSS or Atom) and fetch it once
  sync [--json]              fetch every feed; progress on stderr, summary on stdout
  feeds [--json]             list subscriptions with status and counts
  items [--feed ID] [--unread] [--json]
                             list items, newest first
  export <item-id> [--out FILE]
                             the article's cited Markdown note (stdout, or FILE)

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

export async function runCli(argv: string[], bundleDir: string, io: CliIo): Promise<number> {
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
  const open = (): Promise<Core> =>
    createCore({
      dataDir,
      resourcesDir: paths.resourcesDir,
      shell: 'cli',
      version: paths.version,
      seedSample: false,
      log: (message) => io.err(`reader: ${message}`),
    })
  const failWith = (error: ReaderError): number => {
    io.err(`reader: ${error.message} (${error.code})`)
    return 1
  }

  switch (command) {
    case 'add': {
      const url = rest[0]
      if (!url) return usage(io, 'add needs a feed URL')
      const core = await open()
      const result = await core.addFeed({ url })
      if (!result.ok) return failWith(result.error)
      const feed = result.value
      io.out(
        json
          ? JSON.stringify(feed, null, 2)
          : `Subscribed to ${feed.title} (${feed.id}): ${feed.itemCount} items`,
      )
      return 0
    }
    case 'sync': {
      const core = await open()
      core.on('syncProgress', (p) =>
        io.err(`sync: ${p.done}/${p.total} feeds, ${p.newItems} new items`),
      )
      const result = await core.syncAll({})
      if (!result.ok) return failWith(result.error)
      const summary = result.value
      if (json) io.out(JSON.stringify(summary, null, 2))
      else {
        io.out(
          `${summary.feeds} feeds synced, ${summary.newItems} new items, ${summary.failed} failed`,
        )
        for (const e of summary.errors) io.out(`  ${e.feedId}: ${e.message} (${e.code})`)
      }
      return summary.failed > 0 && summary.failed === summary.feeds ? 1 : 0
    }
    case 'feeds': {
      const core = await open()
      const result = await core.listFeeds({})
      if (!result.ok) return failWith(result.error)
      if (json) io.out(JSON.stringify(result.value, null, 2))
      else
        for (const f of result.value) {
          const status = f.lastError ? `error: ${f.lastError.message}` : 'ok'
          io.out(
            `${f.id}  ${f.title}  ${f.unreadCount}/${f.itemCount} unread  ${status}\n    ${f.url}`,
          )
        }
      return 0
    }
    case 'items': {
      const core = await open()
      const result = await core.listItems({
        feedId: values.feed,
        unreadOnly: Boolean(values.unread),
      })
      if (!result.ok) return failWith(result.error)
      if (json) io.out(JSON.stringify(result.value, null, 2))
      else
        for (const item of result.value) {
          const date = (item.published ?? item.firstSeenAt).slice(0, 10)
          io.out(`${item.id}  ${date}  ${item.read ? ' ' : '*'} ${item.title}  — ${item.feedTitle}`)
        }
      return 0
    }
    case 'export': {
      const itemId = rest[0]
      if (!itemId) return usage(io, 'export needs an item id (see `reader items`)')
      const core = await open()
      const result = await core.exportArticleMarkdown({ itemId })
      if (!result.ok) return failWith(result.error)
      if (values.out) {
        await writeFile(values.out, result.value.markdown)
        io.err(`Wrote ${values.out}`)
      } else io.out(result.value.markdown)
      return 0
    }
    default:
      return usage(io, `unknown command "${command}"`)
  }
}

function usage(io: CliIo, message: string): number {
  io.err(`reader: ${message}\nRun \`reader --help\` for usage.`)
  return 2
}
