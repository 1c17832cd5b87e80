// Streams one file as multipart/form-data (one part named `file`) with an exact Content-Length,
// hashing it on the way out: one pass over the data, memory independent of the file size. A
// re-openable source of unknown size (`open`) is sent chunked, without Content-Length.

import { createHash, randomBytes } from 'node:crypto'
import { open as openFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { MaestroError, MaestroInputError } from './errors.js'
import type { ByteSource, TransferResult } from './models.js'

// 1 MiB reads: a quarter of the reads, hash updates and socket writes of 256 KiB ones, ~25% less
// client CPU per upload (npm run bench client); a file is read into one such buffer (readInPlace).
const CHUNK = 1024 * 1024

/** Where the bytes come from. */
export type UploadSource =
  | { filePath: string; fileName?: string }
  | { stream: ByteSource; size: number; fileName: string }
  | { open: () => ByteSource | Promise<ByteSource>; fileName: string; sizeHint?: number }

export interface PreparedUpload {
  fileName: string
  /** Exact size, or undefined for a re-openable source of unknown size (sent chunked). */
  size: number | undefined
  /** Size used for the transfer deadline: the exact size, else the caller's hint. */
  budgetSize: number
  /** False for a caller-given stream: it can be read only once, so the upload is never retried. */
  replayable: boolean
  contentType: string
  /** undefined: no Content-Length, the body goes with chunked transfer encoding. */
  contentLength: number | undefined
  /** A fresh body for one attempt. */
  body(): AsyncIterable<Uint8Array>
  /** Size and SHA-256 of the last body that was read to the end. */
  result(): TransferResult | undefined
}

/**
 * Reads a file in CHUNK-sized pieces into one buffer, reused for every piece: an upload of any
 * size holds one chunk, and leaves no garbage for V8 to collect (fresh 1 MiB chunks kept ~64 MB
 * of sent data alive until a full collection).
 *
 * Reuse is safe only because of how undici sends an async-iterable body (client-h1
 * `writeIterable`): a chunk larger than the socket's high-water mark (64 KiB, 16 KiB for TLS)
 * makes `socket.write` return false, and undici asks for the next chunk only after 'drain', when
 * the socket has handed every byte to the kernel. So a piece is overwritten only after a full
 * CHUNK was sent; after a short piece (the end of the file as it was then) a fresh buffer is
 * used. The body must therefore reach undici as the iterable itself, not through a Readable that
 * reads ahead.
 * `__tests__/maestro/upload-reuse.test.ts` uploads to a slow reader and checks every byte.
 */
export async function* readInPlace(filePath: string): AsyncGenerator<Uint8Array> {
  const file = await openFile(filePath, 'r')
  try {
    let buffer = Buffer.allocUnsafeSlow(CHUNK)
    for (;;) {
      let filled = 0
      while (filled < CHUNK) {
        const { bytesRead } = await file.read(buffer, filled, CHUNK - filled, null)
        if (bytesRead === 0) break
        filled += bytesRead
      }
      if (filled === 0) return
      yield filled === CHUNK ? buffer : buffer.subarray(0, filled)
      if (filled < CHUNK) buffer = Buffer.allocUnsafeSlow(CHUNK)
    }
  } finally {
    await file.close()
  }
}

/** Quotes a file name for Content-Disposition; adds filename* for non-ASCII names. */
export function contentDisposition(field: string, fileName: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = fileName.replace(/[\u0000-\u001f\u007f]/g, '')
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  let v = `form-data; name="${field}"; filename="${ascii}"`
  if (ascii !== clean) v += `; filename*=UTF-8''${encodeURIComponent(clean)}`
  return v
}

/**
 * Validates the source (file exists, is a regular file; stream has a size and name) without
 * sending anything, and returns a body factory.
 */
export async function prepareUpload(
  source: UploadSource,
  operation: string
): Promise<PreparedUpload> {
  let size: number | undefined
  let fileName: string
  let open: () => ByteSource | Promise<ByteSource>
  let replayable: boolean
  let budgetSize: number
  if ('open' in source && source.open !== undefined) {
    const s = source as { open: unknown; fileName?: unknown; sizeHint?: unknown }
    if (typeof s.open !== 'function')
      throw new MaestroInputError('open', 'open must be a function returning a stream.', operation)
    if (typeof s.fileName !== 'string' || !s.fileName)
      throw new MaestroInputError('fileName', 'A stream upload needs a fileName.', operation)
    size = undefined
    fileName = s.fileName
    open = s.open as () => ByteSource | Promise<ByteSource>
    replayable = true
    // Unknown size and no hint: budget as for 1 GiB (the stall watchdog still applies).
    budgetSize =
      typeof s.sizeHint === 'number' && Number.isFinite(s.sizeHint) && s.sizeHint >= 0
        ? s.sizeHint
        : 1024 ** 3
  } else if ('filePath' in source && source.filePath !== undefined) {
    const filePath = source.filePath
    let st
    try {
      st = await stat(filePath)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      throw new MaestroInputError(
        'filePath',
        code === 'ENOENT'
          ? `The file '${filePath}' does not exist.`
          : `The file '${filePath}' cannot be read (${code}).`,
        operation
      )
    }
    if (!st.isFile())
      throw new MaestroInputError('filePath', `'${filePath}' is not a regular file.`, operation)
    size = st.size
    fileName = source.fileName || basename(filePath)
    open = () => readInPlace(filePath)
    replayable = true
    budgetSize = size
  } else {
    const s = source as { stream?: unknown; size?: unknown; fileName?: unknown }
    if (!s.stream)
      throw new MaestroInputError(
        'filePath',
        'Give a filePath, or a stream with its size and fileName.',
        operation
      )
    if (typeof s.size !== 'number' || !Number.isInteger(s.size) || s.size < 0)
      throw new MaestroInputError(
        'size',
        'A stream upload needs its exact size in bytes.',
        operation
      )
    if (typeof s.fileName !== 'string' || !s.fileName)
      throw new MaestroInputError('fileName', 'A stream upload needs a fileName.', operation)
    size = s.size
    fileName = s.fileName
    let used = false
    const stream = s.stream as AsyncIterable<Uint8Array>
    open = () => {
      if (used)
        throw new MaestroError(`Could not ${operation}: the stream was already read.`, {
          operation
        })
      used = true
      return stream
    }
    replayable = false
    budgetSize = size
  }

  const boundary = `----maestro-actions-${randomBytes(12).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: ${contentDisposition('file', fileName)}\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n'
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  let last: TransferResult | undefined

  async function* body(): AsyncGenerator<Uint8Array> {
    const hash = createHash('sha256')
    let sent = 0
    yield head
    const stream = (await open()) as AsyncIterable<Uint8Array | string>
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      sent += buf.length
      if (size !== undefined && sent > size) break
      hash.update(buf)
      yield buf
    }
    if (size !== undefined && sent !== size)
      throw new MaestroError(
        `Could not ${operation}: the file is ${sent > size ? 'larger' : 'smaller'} than the ${size} bytes announced (did it change during the upload?).`,
        { operation }
      )
    yield tail
    last = { size: sent, sha256: hash.digest('hex') }
  }

  return {
    fileName,
    size,
    budgetSize,
    replayable,
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: size === undefined ? undefined : head.length + size + tail.length,
    body,
    result: () => last
  }
}
