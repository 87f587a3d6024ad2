import { describe, expect, it } from 'vitest'
import { PreparedBodies, type PreparedBody } from './prepared-bodies'

const body = (html: string): PreparedBody => ({ html, blocks: [html], summaryOnly: false })

describe('PreparedBodies', () => {
  it('prepares a body once and gives it back while kept', async () => {
    const kept = new PreparedBodies(4)
    let made = 0
    const make = (): Promise<PreparedBody> => {
      made++
      return Promise.resolve(body('<p>a</p>'))
    }
    const key = PreparedBodies.key('h1', 'https://a.example/x')
    const first = await kept.get(key, make)
    const again = await kept.get(key, make)
    expect(again).toBe(first)
    expect(made).toBe(1)
    expect(await kept.kept(key)).toBe(first)
  })

  it('keys by body and base: the same body under another base is prepared apart', async () => {
    const kept = new PreparedBodies(4)
    await kept.get(PreparedBodies.key('h1', 'https://a.example/'), () => Promise.resolve(body('a')))
    expect(kept.kept(PreparedBodies.key('h1', 'https://b.example/'))).toBeUndefined()
    expect(kept.kept(PreparedBodies.key('h1', null))).toBeUndefined()
  })

  it('forgets a preparation that failed, so the next open tries again', async () => {
    const kept = new PreparedBodies(4)
    const key = PreparedBodies.key('h1', null)
    await expect(kept.get(key, () => Promise.reject(new Error('worker gone')))).rejects.toThrow(
      'worker gone',
    )
    await Promise.resolve()
    expect(kept.kept(key)).toBeUndefined()
    expect((await kept.get(key, () => Promise.resolve(body('b')))).html).toBe('b')
  })

  it('lets the least recently used go past its capacity', async () => {
    const kept = new PreparedBodies(2)
    const key = (n: number): string => PreparedBodies.key(`h${n}`, null)
    await kept.get(key(1), () => Promise.resolve(body('1')))
    await kept.get(key(2), () => Promise.resolve(body('2')))
    await kept.kept(key(1)) // used: now the newest
    await kept.get(key(3), () => Promise.resolve(body('3')))
    expect(kept.size).toBe(2)
    expect(kept.kept(key(2))).toBeUndefined()
    expect(kept.kept(key(1))).toBeDefined()
    expect(kept.kept(key(3))).toBeDefined()
  })
})
