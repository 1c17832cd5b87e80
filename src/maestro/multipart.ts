// Streams one file as multipart/form-data (one part named `file`) with an exact Content-Length,
// hashing it on the way out: one pass over the data, memory independent of the file size.

import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { MaestroError, MaestroInputError } from './errors.js'
import type { TransferResult } from './models.js'

const CHUNK = 256 * 1024

/** Where the bytes come from. */
export type UploadSource =
  | { filePath: string; fileName?: string }
  | { stream: NodeJS.ReadableStream | AsyncIterable<Uint8Array>; size: number; fileName: string }

export interface PreparedUpload {
  fileName: string
  size: number
  /** False for a caller-given stream: it can be read only once, so the upload is never retried. */
  replayable: boolean
  contentType: string
  contentLength: number
  /** A fresh body for one attempt. */
  body(): AsyncIterable<Uint8Array>
  /** Size and SHA-256 of the last body that was read to the end. */
  result(): TransferResult | undefined
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
  let size: number
  let fileName: string
  let open: () => AsyncIterable<Uint8Array>
  let replayable: boolean
  if ('filePath' in source && source.filePath !== undefined) {
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
    open = () => createReadStream(filePath, { highWaterMark: CHUNK })
    replayable = true
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
    for await (const chunk of open()) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      sent += buf.length
      if (sent > size) break
      hash.update(buf)
      yield buf
    }
    if (sent !== size)
      throw new MaestroError(
        `Could not ${operation}: the file is ${sent > size ? 'larger' : 'smaller'} than the ${size} bytes announced (did it change during the upload?).`,
        { operation }
      )
    yield tail
    last = { size, sha256: hash.digest('hex') }
  }

  return {
    fileName,
    size,
    replayable,
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: head.length + size + tail.length,
    body,
    result: () => last
  }
}
