import { describe, expect, it } from 'vitest'
import type { Feed } from '../../../shared/domain'
import { buildFeedTree, folderPaths, parseFolderPath, shareUnchanged } from './feed-tree'

function feed(title: string, folder: string[], unread = 0, failing = false): Feed {
  return {
    id: `f-${title.toLowerCase().replace(/\W/g, '')}`,
    url: `https://${title}.example/feed`,
    title,
    siteUrl: null,
    description: '',
    folder,
    retention: { mode: 'all' },
    alwaysFullText: false,
    addedAt: '2026-01-01T00:00:00.000Z',
    lastSuccessAt: null,
    lastError: failing
      ? { code: 'http', message: 'HTTP 500', at: '2026-01-01T00:00:00.000Z' }
      : null,
    nextCheckAt: null,
    gone: false,
    warnings: [],
    itemCount: unread,
    unreadCount: unread,
    annotationCount: 0,
  }
}

describe('buildFeedTree', () => {
  it('nests feeds in their folders with the unread and failing counts of everything below', () => {
    const tree = buildFeedTree([
      feed('Zeta', []),
      feed('Kyiv Post', ['World', 'Europe'], 3),
      feed('Le Monde', ['World', 'Europe'], 2, true),
      feed('Asahi', ['World', 'Asia'], 4),
      feed('Alpha', [], 1),
    ])
    expect(tree.feeds.map((f) => f.title)).toEqual(['Alpha', 'Zeta'])
    expect(tree.unread).toBe(10)
    const world = tree.folders[0]!
    expect(world).toMatchObject({ name: 'World', path: ['World'], unread: 9, failing: 1 })
    expect(world.folders.map((f) => f.name)).toEqual(['Asia', 'Europe'])
    const europe = world.folders[1]!
    expect(europe).toMatchObject({ path: ['World', 'Europe'], unread: 5, failing: 1 })
    expect(europe.feeds.map((f) => f.title)).toEqual(['Kyiv Post', 'Le Monde'])
  })
})

describe('shareUnchanged', () => {
  const feeds = [
    feed('Alpha', ['World', 'Europe'], 3),
    feed('Beta', ['World', 'Asia'], 2),
    feed('Gamma', ['Science'], 1),
    feed('Delta', [], 0),
  ]

  it('keeps every folder a read mark did not touch, and renews the ones above the feed', () => {
    const before = shareUnchanged(buildFeedTree(feeds), null)
    const read = feeds.map((f) => (f.title === 'Alpha' ? { ...f, unreadCount: 2 } : f))
    const after = shareUnchanged(buildFeedTree(read), before)
    const world = (t: typeof before) => t.folders.find((f) => f.name === 'World')!
    const sub = (t: typeof before, name: string) => world(t).folders.find((f) => f.name === name)!
    expect(after).not.toBe(before)
    expect(world(after)).not.toBe(world(before))
    expect(sub(after, 'Europe')).not.toBe(sub(before, 'Europe'))
    expect(sub(after, 'Europe').unread).toBe(2)
    expect(sub(after, 'Asia')).toBe(sub(before, 'Asia'))
    expect(after.folders.find((f) => f.name === 'Science')).toBe(
      before.folders.find((f) => f.name === 'Science'),
    )
    expect(after.unread).toBe(5)
  })

  it('gives back the very same tree when nothing changed, and a new one when a feed moved', () => {
    const before = shareUnchanged(buildFeedTree(feeds), null)
    expect(shareUnchanged(buildFeedTree([...feeds]), before)).toBe(before)
    const moved = feeds.map((f) => (f.title === 'Delta' ? { ...f, folder: ['Science'] } : f))
    const after = shareUnchanged(buildFeedTree(moved), before)
    expect(after.feeds).toHaveLength(0)
    expect(after.folders.find((f) => f.name === 'Science')!.feeds.map((f) => f.title)).toEqual([
      'Delta',
      'Gamma',
    ])
    expect(after.folders.find((f) => f.name === 'World')).toBe(
      before.folders.find((f) => f.name === 'World'),
    )
  })
})

describe('folder paths', () => {
  it('lists every folder and its parents once, sorted', () => {
    expect(
      folderPaths([feed('a', ['World', 'Europe']), feed('b', ['Tech']), feed('c', [])]),
    ).toEqual(['Tech', 'World', 'World/Europe'])
  })

  it('parses a typed path, dropping blanks and spaces', () => {
    expect(parseFolderPath(' World / Europe /')).toEqual(['World', 'Europe'])
    expect(parseFolderPath('  ')).toEqual([])
  })
})
