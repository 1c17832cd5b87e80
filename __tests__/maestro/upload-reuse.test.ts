// A file upload reads every chunk into one reused buffer (multipart.ts readInPlace). That is
// only correct while undici asks for the next chunk after the last one left the socket. Here the
// server reads slowly, so socket writes stay pending, and every byte it got is compared with the
// file: a chunk overwritten while still being sent would show up as a wrong byte.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MaestroClient } from '../../src/maestro/index.js'
import { readInPlace } from '../../src/maestro/multipart.js'
import { json, startStub, type Stub } from './stub.js'

const MiB = 1024 * 1024
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const UPLOAD_PATH = '/api/v2/artifact/log/9'

/** The bytes of the one multipart part, given the request's content type. */
function filePart(body: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(.+)$/.exec(contentType)![1]
  const start = body.indexOf('\r\n\r\n') + 4
  const end = body.lastIndexOf(`\r\n--${boundary}--`)
  return body.subarray(start, end)
}

describe('file uploads reuse one read buffer', () => {
  let dir: string
  let stub: Stub
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'upload-reuse-'))
    stub = await startStub(
      (req, res) => {
        if (req.path === '/api/v2/workspace/login')
          return json(res, 200, { accessToken: 'token-1', organizationLabel: 'acme' })
        if (req.path === '/api/v2/artifact')
          return json(res, 200, { id: 9, name: 'out', fileName: 'out.bin' })
        json(res, 200, {})
      },
      { pauseAfterChunkMs: 2 }
    )
  })
  afterAll(async () => {
    await stub.close()
    rmSync(dir, { recursive: true, force: true })
  })

  test.each([
    ['a whole number of chunks', 12 * MiB],
    ['a short last chunk', 12 * MiB + 12345]
  ])('every byte arrives intact through a slow reader (%s)', async (_what, size) => {
    stub.seen.length = 0
    const content = randomBytes(size)
    const file = join(dir, `out-${size}.bin`)
    writeFileSync(file, content)
    const client = new MaestroClient({ server: stub.url, login: 'acme', key: 'k' })
    try {
      const r = await client.uploadArtifact({ taskId: 1, name: 'out', filePath: file })
      expect(r.size).toBe(size)
      expect(r.sha256).toBe(sha(content))
    } finally {
      await client.close()
    }
    const uploads = stub.seen.filter(r => r.path === UPLOAD_PATH)
    expect(uploads).toHaveLength(1)
    const received = filePart(uploads[0].body, uploads[0].headers['content-type']!)
    expect(received.length).toBe(size)
    expect(sha(received)).toBe(sha(content))
  })

  test('readInPlace reads every piece of a file into one buffer', async () => {
    const file = join(dir, 'pieces.bin')
    const content = randomBytes(3 * MiB + 5)
    writeFileSync(file, content)
    const pieces: { buffer: ArrayBufferLike; sha: string; length: number }[] = []
    for await (const piece of readInPlace(file))
      pieces.push({ buffer: piece.buffer, sha: sha(piece), length: piece.length })
    expect(pieces.map(p => p.length)).toEqual([MiB, MiB, MiB, 5])
    expect(new Set(pieces.map(p => p.buffer)).size).toBe(1)
    expect(pieces.map(p => p.sha)).toEqual(
      [0, 1, 2, 3].map(i => sha(content.subarray(i * MiB, Math.min((i + 1) * MiB, content.length))))
    )
  })

  test('readInPlace reads into a fresh buffer after a short piece (it may still be in flight)', async () => {
    const file = join(dir, 'growing.bin')
    writeFileSync(file, 'short')
    const buffers: ArrayBufferLike[] = []
    for await (const piece of readInPlace(file)) {
      buffers.push(piece.buffer)
      if (buffers.length === 1) appendFileSync(file, randomBytes(MiB))
    }
    expect(buffers).toHaveLength(2)
    expect(buffers[1]).not.toBe(buffers[0])
  })
})
