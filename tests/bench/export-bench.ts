// npm run bench:export — 2,000 highlights exported as cited Markdown (target ≤ 2 s): a generated
// library (20 feeds × 100 items, one annotation each: the generator puts at most one per item), then one collection document with footnotes,
// and a vault export (first, and a re-export that finds every file unchanged). citeproc's first
// load (~1–2 s, once per process) is timed on its own line.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../electron/core/create-core'
import { formatCitation } from '../../shared/export/formats/styles'
import { RESOURCES_DIR } from '../helpers/open-core'
import { generateLibrary } from './generate-library'

const TARGET_MS = 2000
const ANNOTATIONS = Number(process.env.BENCH_ANNOTATIONS ?? 2000)

async function timed<T>(label: string, run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await run()
  const ms = performance.now() - started
  return [value, ms]
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'export-bench-'))
  const vault = await mkdtemp(join(tmpdir(), 'export-bench-vault-'))
  try {
    await generateLibrary(dataDir, {
      feeds: 20,
      itemsPerFeed: 10,
      bodyBytes: 4000,
      annotations: ANNOTATIONS,
    })
    const core = await createCore({
      dataDir,
      resourcesDir: RESOURCES_DIR,
      shell: 'test',
      seedSample: false,
    })
    const [, loadMs] = await timed('citeproc', async () =>
      formatCitation(
        {
          title: 'Warm up',
          authors: ['A B'],
          publisher: null,
          published: null,
          url: null,
          accessed: new Date(0).toISOString(),
          language: null,
          type: 'webpage',
        },
        'apa',
        'bibliography',
      ),
    )
    const rows: [string, number, string][] = [
      ['citeproc first load (once per process)', loadMs, ''],
    ]
    const [doc, docMs] = await timed('collection', () => core.exportCollection({ selection: {} }))
    if (!doc.ok) throw new Error(doc.error.message)
    rows.push([
      `collection document (${doc.value.articles} articles, ${doc.value.annotations} highlights)`,
      docMs,
      `${(doc.value.files[0]!.text.length / 1024).toFixed(0)} KB`,
    ])
    const [again, againMs] = await timed('collection', () =>
      core.exportCollection({ selection: {}, pandoc: true }),
    )
    if (!again.ok) throw new Error(again.error.message)
    rows.push(['collection again, Pandoc + CSL-JSON', againMs, ''])
    const [first, firstMs] = await timed('vault', () =>
      core.exportVault({ folder: vault, selection: {} }),
    )
    if (!first.ok) throw new Error(first.error.message)
    rows.push(['vault export, first', firstMs, `${first.value.written.length} written`])
    const [re, reMs] = await timed('vault', () =>
      core.exportVault({ folder: vault, selection: {} }),
    )
    if (!re.ok) throw new Error(re.error.message)
    rows.push([
      'vault re-export',
      reMs,
      `${re.value.unchanged.length} unchanged, ${re.value.updated.length} updated`,
    ])
    await core.close()
    for (const [label, ms, note] of rows)
      console.log(`${label.padEnd(60)} ${ms.toFixed(0).padStart(6)} ms  ${note}`)
    console.log(
      `target ≤ ${TARGET_MS} ms for ${ANNOTATIONS} highlights: collection ${(docMs / TARGET_MS).toFixed(2)}× of target, first vault ${(firstMs / TARGET_MS).toFixed(2)}×`,
    )
  } finally {
    await rm(dataDir, { recursive: true, force: true })
    await rm(vault, { recursive: true, force: true })
  }
}

void main()
