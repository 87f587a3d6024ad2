// Highlights through the real core on disk: quotes with speakers, claims whose status changes
// are kept as a history, evidence linked across articles, delete with undo, the library-wide
// list with its filters, highlights saved by an earlier version, and the quote finder.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/create-core'
import type { AnnotationTarget } from '../../shared/domain'
import { openCore } from '../helpers/open-core'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'

afterEach(async () => {
  await removeTempDirs()
})

/** A clock the test moves: status changes get distinct, known times. */
function steppingClock(start = Date.parse('2026-03-01T09:00:00Z')) {
  let now = start
  return { now: () => new Date(now), advance: (minutes: number) => (now += minutes * 60_000) }
}

async function sampleLibrary(clock = steppingClock()) {
  const dataDir = await tempDir()
  const core = await openCore({ dataDir, seedSample: true, now: clock.now })
  const listed = await core.listItems({})
  if (!listed.ok) throw new Error('no items')
  const byTitle = (start: string) => listed.value.items.find((i) => i.title.startsWith(start))!
  return { core, dataDir, clock, byTitle }
}

function target(exact: string): AnnotationTarget {
  return {
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  }
}

async function value<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const settled = await result
  if (!settled.ok) throw new Error(settled.error.message)
  return settled.value
}

describe('annotations', () => {
  it('keeps a claim’s status changes as a history with times, on disk', async () => {
    const { core, dataDir, clock, byTitle } = await sampleLibrary()
    const item = byTitle('Fact-check')
    const claim = await value(
      core.createAnnotation({
        itemId: item.id,
        kind: 'claim',
        note: 'The **viral post** says gardens were banned.',
        tags: ['#claim', 'gardens', 'claim'],
        target: target('Castellane'),
        restated: 'Castellane banned home vegetable gardens.',
      }),
    )
    expect(claim).toMatchObject({
      color: 'blue',
      tags: ['claim', 'gardens'],
      claim: { status: 'unverified', restated: 'Castellane banned home vegetable gardens.' },
    })
    clock.advance(30)
    await value(core.updateAnnotation({ annotationId: claim.id, status: 'disputed' }))
    clock.advance(60)
    const refuted = await value(
      core.updateAnnotation({
        annotationId: claim.id,
        status: 'refuted',
        note: 'Ordinance text checked.',
      }),
    )
    expect(refuted.claim!.history).toEqual([
      { status: 'unverified', at: '2026-03-01T09:00:00.000Z' },
      { status: 'disputed', at: '2026-03-01T09:30:00.000Z' },
      { status: 'refuted', at: '2026-03-01T10:30:00.000Z' },
    ])
    expect(refuted.note).toBe('Ordinance text checked.')
    await core.close()

    const reopened = await openCore({ dataDir })
    const [again] = await value(reopened.listAnnotations({ itemId: item.id }))
    expect(again!.claim!.history.map((h) => h.status)).toEqual([
      'unverified',
      'disputed',
      'refuted',
    ])
  })

  it('links highlights from other articles as evidence; a claim lists them with their sources', async () => {
    const { core, byTitle } = await sampleLibrary()
    const claim = await value(
      core.createAnnotation({
        itemId: byTitle('Glacier report').id,
        kind: 'claim',
        note: '',
        tags: [],
        target: target('doubled'),
      }),
    )
    const support = await value(
      core.createAnnotation({
        itemId: byTitle('Talks on Valdoria').id,
        kind: 'quote',
        note: '',
        tags: [],
        target: target('tariff'),
        speaker: { name: 'Anatol Brenner', role: 'Ostmarki envoy' },
      }),
    )
    const against = await value(
      core.createAnnotation({
        itemId: byTitle('Brackenford').id,
        kind: 'plain',
        note: '',
        tags: [],
        target: target('council'),
      }),
    )
    await value(
      core.linkEvidence({ claimId: claim.id, evidenceId: support.id, stance: 'supports' }),
    )
    await value(
      core.linkEvidence({ claimId: claim.id, evidenceId: against.id, stance: 'disputes' }),
    )
    // Linking again changes the stance rather than adding a second link.
    await value(
      core.linkEvidence({ claimId: claim.id, evidenceId: against.id, stance: 'supports' }),
    )
    const board = await value(core.getClaim({ annotationId: claim.id }))
    expect(board.claim.item.title).toMatch(/^Glacier report/)
    expect(
      board.evidence.map((e) => [
        e.stance,
        e.entry.item.title.slice(0, 12),
        e.entry.annotation.speaker,
      ]),
    ).toEqual([
      ['supports', 'Talks on Val', { name: 'Anatol Brenner', role: 'Ostmarki envoy' }],
      ['supports', 'Brackenford ', null],
    ])

    // Evidence deleted later is listed as missing, never silently dropped from the claim.
    await value(core.deleteAnnotation({ annotationId: support.id }))
    expect((await value(core.getClaim({ annotationId: claim.id }))).missing).toEqual([support.id])

    expect(
      await core.linkEvidence({ claimId: support.id, evidenceId: claim.id, stance: 'supports' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    expect(
      await core.linkEvidence({ claimId: against.id, evidenceId: claim.id, stance: 'supports' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-a-claim' },
    })
    expect(
      await core.linkEvidence({ claimId: claim.id, evidenceId: claim.id, stance: 'supports' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'same-annotation' },
    })
  })

  it('the Highlighted view follows highlights as they are made, deleted and restored', async () => {
    const { core, byTitle } = await sampleLibrary()
    const item = byTitle('Brackenford')
    const highlighted = async () =>
      (await value(core.listItems({ view: 'annotated' }))).items.map((i) => i.id)
    expect(await highlighted()).toEqual([])
    const made = await value(
      core.createAnnotation({
        itemId: item.id,
        kind: 'plain',
        note: '',
        tags: [],
        target: target('council'),
      }),
    )
    expect(await highlighted()).toEqual([item.id])
    const removed = await value(core.deleteAnnotation({ annotationId: made.id }))
    expect(await highlighted()).toEqual([])
    await value(core.restoreAnnotation({ annotation: removed.annotation }))
    expect(await highlighted()).toEqual([item.id])
  })

  it('a deleted highlight comes back with its id, links and times when the deletion is undone', async () => {
    const { core, byTitle } = await sampleLibrary()
    const item = byTitle('Envoys agree')
    const made = await value(
      core.createAnnotation({
        itemId: item.id,
        kind: 'quote',
        note: 'n',
        tags: ['t'],
        target: target('VELGRAD'),
      }),
    )
    const removed = await value(core.deleteAnnotation({ annotationId: made.id }))
    expect(removed.annotation).toEqual(made)
    expect(await value(core.listAnnotations({ itemId: item.id }))).toEqual([])
    expect(await value(core.restoreAnnotation({ annotation: removed.annotation }))).toEqual(made)
    expect(await value(core.listAnnotations({ itemId: item.id }))).toEqual([made])
    expect(await core.restoreAnnotation({ annotation: removed.annotation })).toMatchObject({
      ok: false,
      error: { code: 'exists' },
    })
  })

  it('lists highlights across the library by kind, tag, status, feed and date, with the tags in use', async () => {
    const { core, clock, byTitle } = await sampleLibrary()
    const make = (itemTitle: string, kind: 'plain' | 'quote' | 'claim', tags: string[]) =>
      value(
        core.createAnnotation({
          itemId: byTitle(itemTitle).id,
          kind,
          note: '',
          tags,
          target: target('the'),
        }),
      )
    const a = await make('Glacier report', 'claim', ['climate', 'check'])
    clock.advance(24 * 60)
    const b = await make('Talks on Valdoria', 'quote', ['trade'])
    clock.advance(24 * 60)
    const c = await make('Brackenford', 'claim', ['check'])
    await value(core.updateAnnotation({ annotationId: c.id, status: 'supported' }))

    const ids = async (args: Parameters<Core['listAllAnnotations']>[0]) =>
      (await value(core.listAllAnnotations(args))).entries.map((e) => e.annotation.id)
    expect(await ids({})).toEqual([c.id, b.id, a.id])
    expect(await ids({ kind: 'claim' })).toEqual([c.id, a.id])
    expect(await ids({ tag: 'CHECK' })).toEqual([c.id, a.id])
    expect(await ids({ status: 'unverified' })).toEqual([a.id])
    expect(await ids({ status: 'supported' })).toEqual([c.id])
    expect(await ids({ after: '2026-03-02T00:00:00.000Z' })).toEqual([c.id, b.id])
    expect(await ids({ before: '2026-03-02T00:00:00.000Z' })).toEqual([a.id])
    expect(await ids({ feedId: b.feedId, kind: 'quote' })).toEqual([b.id])
    const all = await value(core.listAllAnnotations({ limit: 1 }))
    expect(all.total).toBe(3)
    expect(all.entries).toHaveLength(1)
    expect(all.tags).toEqual([
      { tag: 'check', count: 2 },
      { tag: 'climate', count: 1 },
      { tag: 'trade', count: 1 },
    ])
  })

  it('reads highlights saved by an earlier version (no colour, claim state or evidence) with defaults', async () => {
    const { core, dataDir, byTitle } = await sampleLibrary()
    const item = byTitle('Fact-check')
    await core.close()
    const file = join(dataDir, 'feeds', item.feedId, 'annotations.json')
    const doc = { schemaVersion: 1, feedId: item.feedId, annotations: [] as unknown[] }
    doc.annotations.push({
      id: 'a-legacy',
      itemId: item.id,
      feedId: item.feedId,
      kind: 'claim',
      note: 'old',
      tags: [],
      target: target('Castellane'),
      createdAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-01-05T10:00:00.000Z',
    })
    await writeFile(file, JSON.stringify(doc))
    const reopened = await openCore({ dataDir })
    expect(await value(reopened.listAnnotations({ itemId: item.id }))).toEqual([
      expect.objectContaining({
        id: 'a-legacy',
        color: 'blue',
        speaker: null,
        evidence: [],
        madeOn: null,
        claim: {
          status: 'unverified',
          restated: null,
          history: [{ status: 'unverified', at: '2026-01-05T10:00:00.000Z' }],
        },
      }),
    ])
  })

  it('finds the quotes of the bot repost with their speakers, ready to save as highlights', async () => {
    const { core, byTitle } = await sampleLibrary()
    const item = byTitle('Envoys agree')
    const { quotes } = await value(core.findQuotes({ itemId: item.id }))
    const speech = quotes.filter((q) => q.isSpeech)
    expect(speech.length).toBeGreaterThanOrEqual(3)
    const brenner = speech.find((q) => q.text.startsWith('We are returning to the table'))!
    expect(brenner).toMatchObject({ speaker: 'Anatol Brenner' })
    expect(brenner.target.quote.exact).toBe(brenner.text)
    // A name in quotation marks is found but not taken for speech.
    expect(quotes.find((q) => q.text === 'Board of Reconciliation')).toMatchObject({
      isSpeech: false,
      kind: 'name',
    })
    const saved = await value(
      core.createAnnotation({
        itemId: item.id,
        kind: 'quote',
        note: '',
        tags: [],
        target: brenner.target,
        speaker: { name: brenner.speaker!, role: brenner.role },
      }),
    )
    expect(saved.speaker).toEqual({ name: 'Anatol Brenner', role: brenner.role })
  })
})
