import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sanitizeHtml } from './sanitize-html'
import { FAILED_HTML, Sanitizer, TOO_SLOW_HTML } from './sanitizer'

const HELPERS = join(__dirname, '..', '..', '..', 'tests', 'helpers')
const WORKER = join(HELPERS, 'sanitize-worker-dev.cjs')
const MISBEHAVING = join(HELPERS, 'sanitize-worker-misbehaving.cjs')

const HOSTILE = `<p onclick="steal()">Hello <a href="/story?id=1">story</a>
  <img src="pic.jpg" onerror="steal()"><script>steal()</script>
  <a href="javascript:steal()">bad</a><img src="t.gif" width="1" height="1"></p>`

let sanitizers: Sanitizer[] = []
function make(options: ConstructorParameters<typeof Sanitizer>[0]): Sanitizer {
  const sanitizer = new Sanitizer(options)
  sanitizers.push(sanitizer)
  return sanitizer
}
afterEach(async () => {
  await Promise.all(sanitizers.map((s) => s.close()))
  sanitizers = []
})

describe('Sanitizer (article HTML on a worker thread)', () => {
  it('gives exactly what sanitizing on this thread gives, relative links resolved', async () => {
    const sanitizer = make({ workerScript: WORKER })
    const viaWorker = await sanitizer.sanitize(HOSTILE, 'https://news.example/a/')
    expect(sanitizer.usesWorker).toBe(true)
    expect(viaWorker).toEqual(sanitizeHtml(HOSTILE, 'https://news.example/a/'))
    expect(viaWorker.html).toContain('href="https://news.example/story?id=1"')
    expect(viaWorker.html).not.toMatch(/script|onclick|onerror|javascript:|t\.gif/)
  }, 30_000)

  it('answers many bodies asked at once, each with its own base URL', async () => {
    const sanitizer = make({ workerScript: WORKER })
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sanitizer.sanitize(`<a href="x">${i}</a>`, `https://site${i}.example/`),
      ),
    )
    results.forEach((result, i) => {
      expect(result.text).toBe(String(i))
      expect(result.html).toContain(`https://site${i}.example/x`)
    })
  }, 30_000)

  it('sanitizes on this thread when there is no worker script, or it cannot load', async () => {
    const none = make({ workerScript: null })
    expect(none.usesWorker).toBe(false)
    expect((await none.sanitize('<b onclick="x()">hi</b>', null)).html).toBe('<b>hi</b>')
    const missing = make({ workerScript: join(HELPERS, 'no-such-worker.cjs') })
    expect((await missing.sanitize('<b onclick="x()">hi</b>', null)).html).toBe('<b>hi</b>')
    expect(missing.usesWorker).toBe(false)
  }, 30_000)

  it('a body that hangs gets a notice after the time limit; the others are still sanitized', async () => {
    const sanitizer = make({ workerScript: MISBEHAVING, timeoutMs: 1500 })
    await sanitizer.sanitize('<p>warm</p>', null) // loaded and proven
    const [stuck, after] = await Promise.all([
      sanitizer.sanitize('<p>x<!--hang--></p>', null),
      sanitizer.sanitize('<p onclick="x()">after</p>', null),
    ])
    expect(stuck).toEqual({ html: TOO_SLOW_HTML, text: '' })
    expect(after.html).toBe('<p>after</p>')
    expect(sanitizer.usesWorker).toBe(true)
  }, 30_000)

  it('a body that kills the worker gets a notice; the others go to a new worker', async () => {
    const sanitizer = make({ workerScript: MISBEHAVING })
    await sanitizer.sanitize('<p>warm</p>', null)
    const [killed, after] = await Promise.all([
      sanitizer.sanitize('<p><!--crash--></p>', null),
      sanitizer.sanitize('<i>after</i>', null),
    ])
    expect(killed).toEqual({ html: FAILED_HTML, text: '' })
    expect(after.html).toBe('<i>after</i>')
    expect(sanitizer.usesWorker).toBe(true)
  }, 30_000)
})
