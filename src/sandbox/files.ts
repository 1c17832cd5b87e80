// Multipart uploads go straight to disk: busboy hands us the `file` part as a stream, which is
// hashed and written chunk by chunk, so memory stays flat whatever the file size.
import busboy from 'busboy'
import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import type { IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { HttpError } from './http.js'
import { msg } from './messages.js'
import type { StoredFile } from './state.js'

export class FileStore {
  constructor(readonly dir: string) {}

  async init(): Promise<void> {
    await mkdir(join(this.dir, 'files'), { recursive: true })
  }

  /** Deletes every stored upload (a reset). */
  async clear(): Promise<void> {
    await rm(join(this.dir, 'files'), { recursive: true, force: true })
    await this.init()
  }

  async remove(file: StoredFile | null): Promise<void> {
    if (file) await rm(file.path, { force: true })
  }

  receive(headers: IncomingHttpHeaders, body: Readable): Promise<StoredFile> {
    const type = headers['content-type'] ?? ''
    if (!/^multipart\/form-data/i.test(type))
      return Promise.reject(new HttpError(400, msg.notMultipart))
    return new Promise<StoredFile>((resolve, reject) => {
      let bb: busboy.Busboy
      try {
        bb = busboy({ headers, limits: { fields: 50 } }) // extra parts are drained, not stored
      } catch (e) {
        reject(new HttpError(400, msg.badMultipart((e as Error).message)))
        return
      }
      let saving: Promise<StoredFile> | null = null
      let part: Readable | null = null
      let failed = false
      const fail = (e: unknown) => {
        if (failed) return
        failed = true
        body.unpipe(bb)
        body.resume() // drain so the connection can answer
        part?.destroy(e as Error) // a half-written file is removed by save()
        reject(
          e instanceof HttpError ? e : new HttpError(400, msg.badMultipart((e as Error).message))
        )
      }
      bb.on('file', (name, stream, info) => {
        if (name !== 'file' || saving) {
          stream.resume()
          return
        }
        part = stream
        saving = this.save(stream, info.filename || 'file')
        saving.catch(fail)
      })
      bb.on('error', fail)
      bb.on('close', () => {
        if (failed) return
        if (!saving) return fail(new HttpError(400, msg.noFilePart))
        saving.then(resolve, fail)
      })
      body.on('error', fail)
      body.pipe(bb)
    })
  }

  private async save(stream: Readable, fileName: string): Promise<StoredFile> {
    const path = join(this.dir, 'files', randomUUID())
    const hash = createHash('sha256')
    let size = 0
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk)
        size += chunk.length
        cb(null, chunk)
      }
    })
    try {
      await pipeline(stream, tap, createWriteStream(path))
    } catch (e) {
      await rm(path, { force: true })
      throw e
    }
    if ((stream as Readable & { truncated?: boolean }).truncated) {
      await rm(path, { force: true })
      throw new HttpError(400, msg.badMultipart('file truncated'))
    }
    return { path, fileName, size, sha256: hash.digest('hex') }
  }
}
