// Fetches one article image for the offline cache, defensively: http(s) only, a size cap, raster
// types only (an SVG served from the app's own origin could carry script), at most a few at once
// per host, and 1×1 images recognised as tracking pixels.
import { fetchFeed, type FetchOptions } from '../feeds/fetch-feed'

export const MAX_IMAGE_BYTES = 15 * 1024 * 1024
const RASTER = /^image\/(png|jpe?g|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)$/i
const PER_HOST = 4

export type ImageResult =
  | { ok: true; bytes: Uint8Array; type: string; pixel: boolean }
  | { ok: false; status: number; message: string }

const activeByHost = new Map<string, number>()
const waitingByHost = new Map<string, (() => void)[]>()

async function politely<T>(host: string, run: () => Promise<T>): Promise<T> {
  while ((activeByHost.get(host) ?? 0) >= PER_HOST) {
    await new Promise<void>((resolve) => {
      const queue = waitingByHost.get(host) ?? []
      queue.push(resolve)
      waitingByHost.set(host, queue)
    })
  }
  activeByHost.set(host, (activeByHost.get(host) ?? 0) + 1)
  try {
    return await run()
  } finally {
    activeByHost.set(host, (activeByHost.get(host) ?? 1) - 1)
    waitingByHost.get(host)?.shift()?.()
  }
}

export async function fetchImage(url: string, options: FetchOptions): Promise<ImageResult> {
  let host: string
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme')
    host = parsed.host
  } catch {
    return { ok: false, status: 400, message: 'Not a web image address' }
  }
  const fetched = await politely(host, () =>
    fetchFeed(url, { etag: null, lastModified: null }, { ...options, maxBytes: MAX_IMAGE_BYTES }),
  )
  if (!fetched.ok) {
    const status =
      fetched.error.code === 'too-large' ? 413 : fetched.error.status === 404 ? 404 : 502
    return { ok: false, status, message: fetched.error.message }
  }
  if (fetched.value.kind !== 'body') return { ok: false, status: 502, message: 'No image body' }
  const type = (fetched.value.contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (!RASTER.test(type))
    return { ok: false, status: 415, message: `Not a raster image (${type || 'no type'})` }
  const bytes = fetched.value.bytes
  return { ok: true, bytes, type, pixel: isOnePixel(bytes) }
}

/** GIF and PNG headers carry the size: a 1×1 image is a tracking pixel. */
export function isOnePixel(bytes: Uint8Array): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.length >= 10 && view.toString('latin1', 0, 3) === 'GIF') {
    return view.readUInt16LE(6) <= 1 && view.readUInt16LE(8) <= 1
  }
  if (view.length >= 24 && view.readUInt32BE(0) === 0x89504e47) {
    return view.readUInt32BE(16) <= 1 && view.readUInt32BE(20) <= 1
  }
  return false
}
