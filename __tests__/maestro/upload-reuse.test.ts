// A file upload reads every chunk into one reused buffer (multipart.ts readInPlace). That is
// only correct while undici asks for the next chunk after the last one left the socket. Here the
// server reads slowly, so socket writes stay pending, and every byte it got is compared with the
// file: a chunk overwritten while still being sent would show up as a wrong byte.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MaestroClient } from '../../src/maestro/index.js'
import { readInPlace } from '../../src/maestro/multipart.js'

const MiB = 1024 * 1024
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

/** Reads a request body with a pause after every chunk, so the sender's writes back up. */
async function readSlowly(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) {
    chunks.push(c as Buffer)
    await new Promise(r => setTimeout(r, 2))
  }
  return Buffer.concat(chunks)
}

/** The bytes of the one multipart part, given the request's content type. */
function filePart(body: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(.+)$/.exec(contentType)![1]
  const start = body.indexOf('\r\n\r\n') + 4
  const end = body.lastIndexOf(`\r\n--${boundary}--`)
  return body.subarray(start, end)
}

describe('file uploads reuse one read buffer', () => {
  let dir: string
  let server: Server
  let url: string
  let received: Buffer[] = []
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'upload-reuse-'))
    server = createServer((req, res) => {
      void (async () => {
        const body = await readSlowly(req)
        res.setHeader('content-type', 'application/json')
        if (req.url === '/api/v2/workspace/login')
          return res.end(JSON.stringify({ accessToken: 'token-1', organizationLabel: 'acme' }))
        if (req.url === '/api/v2/artifact')
          return res.end(JSON.stringify({ id: 9, name: 'out', fileName: 'out.bin' }))
        received.push(filePart(body, req.headers['content-type']!))
        res.end('{}')
      })()
    })
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise(r => server.close(r))
    rmSync(dir, { recursive: true, force: true })
  })

  test.each([
    ['a whole number of chunks', 12 * MiB],
    ['a short last chunk', 12 * MiB + 12345]
  ])('every byte arrives intact through a slow reader (%s)', async (_what, size) => {
    received = []
    const content = randomBytes(size)
    const file = join(dir, `out-${size}.bin`)
    writeFileSync(file, content)
    const client = new MaestroClient({ server: url, login: 'acme', key: 'k' })
    try {
      const r = await client.uploadArtifact({ taskId: 1, name: 'out', filePath: file })
      expect(r.size).toBe(size)
      expect(r.sha256).toBe(sha(content))
    } finally {
      await client.close()
    }
    expect(received).toHaveLength(1)
    expect(received[0].length).toBe(size)
    expect(sha(received[0])).toBe(sha(content))
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
