import { describe, expect, it } from 'vitest'
import type { Feed } from '../../../shared/domain'
import { buildFeedTree, folderPaths, parseFolderPath } from './feed-tree'

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
