// Downloads land in a temporary file next to the destination and are renamed into place only
// when complete; on any failure the temporary file is removed and the destination is untouched.

import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { once } from 'node:events'
import type { DownloadResult } from './models.js'

const WRITE_BUFFER = 1024 * 1024

/** A transfer that ended early: treated like a network error (code TRUNCATED). */
export class TruncatedTransferError extends Error {
  readonly code = 'TRUNCATED'
  constructor(received: number, expected: number) {
    super(`the download ended after ${received} of ${expected} bytes`)
    this.name = 'TruncatedTransferError'
  }
}

/**
 * Reduces a server-provided file name to one safe path segment: no directories, no `..`, no
 * control characters. Falls back to `fallback` when nothing usable is left.
 */
export function safeFileName(name: string | null | undefined, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = (name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').replace(/\\/g, '/')
  const base = basename(cleaned).trim()
  if (!base || base === '.' || base === '..' || /^\.+$/.test(base)) return fallback
  return base
}

/** TEMP_STEM_BYTES leaves room for `.` + `.<12 hex>.part` within a 255-byte file name. */
const TEMP_STEM_BYTES = 200

/** The start of `name` within TEMP_STEM_BYTES of UTF-8, so a long destination name still works. */
function tempStem(name: string): string {
  if (Buffer.byteLength(name) <= TEMP_STEM_BYTES) return name
  let out = ''
  for (const ch of name) {
    if (Buffer.byteLength(out + ch) > TEMP_STEM_BYTES) break
    out += ch
  }
  return out
}

/** True when `p` names an existing directory. */
export async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory()
  } catch {
    return false
  }
}

/**
 * Streams `body` to `destPath` through a temporary file, hashing on the way. When
 * `expectedLength` is given the byte count must match it.
 */
export async function downloadToFile(
  body: AsyncIterable<Uint8Array>,
  destPath: string,
  expectedLength?: number
): Promise<DownloadResult> {
  const dest = resolve(destPath)
  const dir = dirname(dest)
  await mkdir(dir, { recursive: true })
  const tmp = join(dir, `.${tempStem(basename(dest))}.${randomBytes(6).toString('hex')}.part`)
  const hash = createHash('sha256')
  let size = 0
  // A 1 MiB write buffer lets the file stream batch socket-sized chunks into one writev; a plain
  // loop (no Transform stage) keeps the per-chunk cost to the hash update and the write.
  const out = createWriteStream(tmp, { flags: 'wx', highWaterMark: WRITE_BUFFER })
  let failed: unknown
  out.on('error', e => (failed ??= e))
  try {
    for await (const chunk of body) {
      if (failed) throw failed
      hash.update(chunk)
      size += chunk.length
      if (!out.write(chunk)) await once(out, 'drain')
    }
    await new Promise<void>((resolve, reject) => {
      out.end((e?: Error | null) => (e ? reject(e) : resolve()))
    })
    if (failed) throw failed
    if (expectedLength !== undefined && size !== expectedLength)
      throw new TruncatedTransferError(size, expectedLength)
    await renameIntoPlace(tmp, dest)
  } catch (e) {
    out.destroy()
    ;(body as { destroy?: () => void }).destroy?.()
    if (!out.closed) await once(out, 'close').catch(() => undefined)
    await rm(tmp, { force: true })
    throw e
  }
  return { path: dest, size, sha256: hash.digest('hex') }
}

/** Codes Windows gives while a virus scanner or the indexer still holds a file just written. */
const BUSY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY'])

/**
 * Renames a finished temporary file over its destination, trying again for about a second while
 * the file is busy (Windows: a scanner opening every new file), so a complete download or export
 * does not fail at its last step.
 */
export async function renameIntoPlace(
  from: string,
  to: string,
  move: (a: string, b: string) => Promise<void> = rename,
  pause: (ms: number) => Promise<void> = ms => new Promise(done => setTimeout(done, ms))
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await move(from, to)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? ''
      if (!BUSY_CODES.has(code) || attempt >= 6) throw e
      await pause(30 * 2 ** attempt)
    }
  }
}
