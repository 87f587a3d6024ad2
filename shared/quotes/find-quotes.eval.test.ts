// The quote finder against labelled articles: the development set (written and labelled before
// the finder), the bundled sample feed's items 1–4 (labelled before the finder, read from the feed
// through the app's own article blocks) and one held-out article written afterwards.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleBlocks } from '../../electron/core/articles/article-blocks'
import { evaluate, formatEvaluation } from './evaluate'
import { findQuotes } from './find-quotes'
import { DEVELOPMENT_SET, SAMPLE_BOT_REPOST } from './fixtures/labelled-articles'
import { HELD_OUT } from './fixtures/held-out-article'
import { SAMPLE_FEED_LABELS } from './fixtures/sample-feed-labels'
import type { LabelledArticle } from './labelled-set'

const feed = readFileSync(join(__dirname, '../../resources/sample/feed.xml'), 'utf8')

/** An item's text as readArticle builds it (originalText): block texts joined by blank lines. */
function sampleText(guid: string): string {
  const item = feed.split('<item>').find((chunk) => chunk.includes(`>${guid}<`))
  const html = item && /<content:encoded><!\[CDATA\[([\s\S]*?)\]\]>/.exec(item)?.[1]
  if (!html) throw new Error(`no sample item ${guid}`)
  return articleBlocks(html).join('\n\n')
}

const SAMPLE_SET: LabelledArticle[] = SAMPLE_FEED_LABELS.map((labels) => ({
  id: labels.guid,
  shape: 'sample feed item',
  article: sampleText(labels.guid),
  quotes: labels.quotes,
  nonSpeech: labels.nonSpeech,
}))

const THRESHOLDS = { precision: 0.9, recall: 0.85, speakerAccuracy: 0.85 }

describe('quote finder evaluation', () => {
  it('uses the app’s normalized text: the bot-repost fixture is sample item 5 as readArticle reads it', () => {
    expect(sampleText('sample-newsroom-2026-01-relay-tarsk-talks')).toBe(SAMPLE_BOT_REPOST.article)
  })

  it('labels at least 40 speech quotes over at least 6 articles', () => {
    const quotes = DEVELOPMENT_SET.reduce((n, a) => n + a.quotes.length, 0)
    expect(DEVELOPMENT_SET.length).toBeGreaterThanOrEqual(6)
    expect(quotes).toBeGreaterThanOrEqual(40)
  })

  it.each([
    ['development set', DEVELOPMENT_SET],
    ['sample feed items 1–4', SAMPLE_SET],
    ['held-out article', [HELD_OUT]],
    ['all', [...DEVELOPMENT_SET, ...SAMPLE_SET, HELD_OUT]],
  ])('%s: precision ≥ 0.9, recall ≥ 0.85, speaker accuracy ≥ 0.85', (name, set) => {
    const result = evaluate(set, findQuotes)
    console.log(formatEvaluation(name, result))
    expect(result.precision).toBeGreaterThanOrEqual(THRESHOLDS.precision)
    expect(result.recall).toBeGreaterThanOrEqual(THRESHOLDS.recall)
    expect(result.speakerAccuracy).toBeGreaterThanOrEqual(THRESHOLDS.speakerAccuracy)
  })
})
