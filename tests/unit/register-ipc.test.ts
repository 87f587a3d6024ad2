// The Electron IPC transport without Electron: a fake ipcMain records the handlers, a fake core
// records the calls, and the handlers are invoked with fake events carrying a sender frame URL.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { pathToFileURL } from 'node:url'
import {
  contract,
  events,
  methodNames,
  type EventName,
  type ReaderBridge,
} from '../../shared/contract'
import { ok, type Result } from '../../shared/result'
import {
  registerIpc,
  type IpcInvokeEventLike,
  type IpcInvokeListener,
  type IpcMainLike,
} from '../../electron/main/register-ipc'
import { isTrustedRendererUrl } from '../../electron/main/trusted-sender'
import {
  callChannel,
  CALL_CHANNEL_PREFIX,
  EVENT_CHANNEL,
} from '../../electron/preload/ipc-channels'

const TRUSTED = 'file:///app/out/renderer/index.html'
const FEED_ID = 'f_0123456789abcdef'

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, IpcInvokeListener>()
  readonly removed: string[] = []
  handle(channel: string, listener: IpcInvokeListener): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.removed.push(channel)
    this.handlers.delete(channel)
  }
  invoke(channel: string, event: IpcInvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`No handler for ${channel}`)
    return handler(event, ...args)
  }
}

function fakeCore() {
  const calls: { method: string; args: unknown }[] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const core: Record<string, unknown> = {}
  for (const name of methodNames) {
    core[name] = async (args: unknown): Promise<Result<unknown>> => {
      calls.push({ method: name, args })
      return ok({ answeredBy: name, args })
    }
  }
  core.on = (event: string, listener: (payload: unknown) => void) => {
    let set = listeners.get(event)
    if (!set) listeners.set(event, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }
  const emit = (event: EventName, payload: unknown): void => {
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }
  return { core: core as unknown as ReaderBridge, calls, listeners, emit }
}

function setUp() {
  const ipc = new FakeIpcMain()
  const fake = fakeCore()
  const logs: string[] = []
  const sent: { channel: string; payload: unknown }[] = []
  const dispose = registerIpc(
    ipc,
    fake.core,
    (url) => url === TRUSTED,
    (message) => logs.push(message),
    (channel, payload) => sent.push({ channel, payload }),
  )
  return { ipc, ...fake, logs, sent, dispose }
}

const from = (url: string): IpcInvokeEventLike => ({ senderFrame: { url } })

describe('registerIpc', () => {
  it('registers one handler per contract method and nothing else', () => {
    const { ipc } = setUp()
    // From the contract table itself, not methodNames, so a drift between the two would show.
    const expected = Object.keys(contract).map((name) => `${CALL_CHANNEL_PREFIX}${name}`)
    expect([...ipc.handlers.keys()].sort()).toEqual(expected.sort())
    expect(ipc.handlers.size).toBe(methodNames.length)
    expect(methodNames.length).toBeGreaterThan(0)
  })

  it('refuses an untrusted sender with a forbidden error and never calls the core', async () => {
    const { ipc, calls } = setUp()
    for (const event of [
      from('https://evil.example/'),
      from('file:///tmp/other.html'),
      {},
      { senderFrame: null },
    ]) {
      const result = (await ipc.invoke(callChannel('listFeeds'), event, {})) as Result<unknown>
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('forbidden')
        expect(typeof result.error.message).toBe('string')
      }
    }
    expect(calls).toEqual([])
  })

  it('answers invalid arguments with invalid-args without calling the core', async () => {
    const { ipc, calls } = setUp()
    const bad: [string, unknown][] = [
      ['addFeed', {}],
      ['addFeed', { url: 42 }],
      ['addFeed', { url: 'https://example.com/feed', extra: true }],
      ['listFeeds', { unexpected: 1 }],
      ['getArticle', 'not an object'],
    ]
    for (const [method, args] of bad) {
      const result = (await ipc.invoke(
        CALL_CHANNEL_PREFIX + method,
        from(TRUSTED),
        args,
      )) as Result<unknown>
      expect(result.ok, `${method} ${JSON.stringify(args)}`).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('invalid-args')
    }
    expect(calls).toEqual([])
  })

  it("checks every contract method's payload against that method's contract schema first", async () => {
    // A method whose schema were missing, z.unknown() or a non-strict object would let one of
    // these through to the core. The schema must be the contract's own (a zod type on the table).
    const { ipc, calls } = setUp()
    const hostile: unknown[] = ['x', 42, true, [], [{}], { __notInTheContract: 1 }]
    for (const name of methodNames) {
      expect(contract[name].args, name).toBeInstanceOf(z.ZodType)
      for (const args of hostile) {
        const result = (await ipc.invoke(callChannel(name), from(TRUSTED), args)) as Result<unknown>
        expect(!result.ok && result.error.code, `${name} ${JSON.stringify(args)}`).toBe(
          'invalid-args',
        )
      }
    }
    expect(calls).toEqual([])
  })

  it('passes a valid call to the core and returns its Result', async () => {
    const { ipc, calls } = setUp()
    const result = await ipc.invoke(callChannel('addFeed'), from(TRUSTED), {
      url: 'https://example.com/feed',
    })
    expect(result).toEqual(ok({ answeredBy: 'addFeed', args: { url: 'https://example.com/feed' } }))
    expect(calls).toEqual([{ method: 'addFeed', args: { url: 'https://example.com/feed' } }])

    // A method without arguments accepts a missing payload.
    const info = await ipc.invoke(callChannel('getAppInfo'), from(TRUSTED))
    expect(info).toEqual(ok({ answeredBy: 'getAppInfo', args: {} }))
  })

  it('turns a throwing core into an internal error and logs the bug', async () => {
    const { ipc, core, logs } = setUp()
    ;(core as unknown as Record<string, unknown>).listFeeds = async () => {
      throw new Error('boom')
    }
    const result = (await ipc.invoke(
      callChannel('listFeeds'),
      from(TRUSTED),
      {},
    )) as Result<unknown>
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('internal')
    expect(logs.join('\n')).toContain('boom')
  })

  it('forwards every contract event to the window on the event channel', () => {
    const { emit, sent, listeners } = setUp()
    const names = Object.keys(events) as EventName[]
    for (const name of names) expect(listeners.get(name)?.size, name).toBe(1)
    emit('syncProgress', { done: 1, total: 2, newItems: 3, feedId: FEED_ID })
    emit('libraryChanged', { reason: 'sync' })
    expect(sent).toEqual([
      {
        channel: EVENT_CHANNEL,
        payload: {
          name: 'syncProgress',
          payload: { done: 1, total: 2, newItems: 3, feedId: FEED_ID },
        },
      },
      { channel: EVENT_CHANNEL, payload: { name: 'libraryChanged', payload: { reason: 'sync' } } },
    ])
  })

  it('removes its handlers and stops forwarding when disposed', () => {
    const { ipc, dispose, listeners, emit, sent } = setUp()
    dispose()
    expect(ipc.handlers.size).toBe(0)
    expect(ipc.removed).toHaveLength(methodNames.length)
    for (const name of Object.keys(events)) expect(listeners.get(name)?.size ?? 0).toBe(0)
    emit('libraryChanged', { reason: 'sync' })
    expect(sent).toEqual([])
  })
})

describe('isTrustedRendererUrl', () => {
  const index = pathToFileURL(
    '/opt/Research Reader/resources/app.asar/out/renderer/index.html',
  ).href
  const dev = 'http://localhost:5173'

  it("trusts the app's renderer index, with or without hash and query", () => {
    expect(isTrustedRendererUrl(index, undefined, index)).toBe(true)
    expect(isTrustedRendererUrl(`${index}#/item/abc`, undefined, index)).toBe(true)
    expect(isTrustedRendererUrl(`${index}?x=1#y`, undefined, index)).toBe(true)
    expect(isTrustedRendererUrl(index, dev, index)).toBe(true)
  })

  it('refuses other file URLs', () => {
    expect(isTrustedRendererUrl('file:///etc/passwd', undefined, index)).toBe(false)
    expect(isTrustedRendererUrl(index.replace('index.html', 'other.html'), undefined, index)).toBe(
      false,
    )
    expect(isTrustedRendererUrl(`${index}/..`, undefined, index)).toBe(false)
    expect(isTrustedRendererUrl('file:///tmp/index.html', dev, index)).toBe(false)
  })

  it('trusts the dev server origin only when one is given', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/', dev, index)).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5173/index.html#/x', dev, index)).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5173/', undefined, index)).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5174/', dev, index)).toBe(false)
    expect(isTrustedRendererUrl('http://127.0.0.1:5173/', dev, index)).toBe(false)
  })

  it('refuses remote and malformed URLs', () => {
    expect(isTrustedRendererUrl('https://evil.example/', undefined, index)).toBe(false)
    expect(isTrustedRendererUrl('https://evil.example/', dev, index)).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173.evil.example/', dev, index)).toBe(false)
    expect(isTrustedRendererUrl('', dev, index)).toBe(false)
    expect(isTrustedRendererUrl('not a url', dev, index)).toBe(false)
    expect(isTrustedRendererUrl('about:blank', dev, index)).toBe(false)
    expect(isTrustedRendererUrl('devtools://devtools/bundled/x.html', dev, index)).toBe(false)
  })
})
