import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { downloadToFile } from '../../src/maestro/files.js'

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const MiB = 1024 * 1024

type Transferable = ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }
const proto = ArrayBuffer.prototype as Transferable
const nativeTransfer = proto.transfer

// Node 20 has no ArrayBuffer.prototype.transfer; Node 24 (the actions' runtime) has. Where it is
// missing, structuredClone with a transfer list detaches just the same, so the release path is
// tested here too.
beforeEach(() => {
  if (!nativeTransfer)
    Object.defineProperty(ArrayBuffer.prototype, 'transfer', {
      configurable: true,
      value(this: ArrayBuffer, length: number) {
        const moved = structuredClone(this, { transfer: [this] })
        return moved.slice(0, length)
      }
    })
})
afterEach(() => {
  if (!nativeTransfer) delete (ArrayBuffer.prototype as Partial<Transferable>).transfer
})

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'download-file-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The bytes cut into chunks of every kind a socket can hand over. */
function chunksOf(bytes: Buffer): Uint8Array[] {
  const chunks: Uint8Array[] = []
  let at = 0
  const sizes = [100, 65536, 7, 300_000, 4096, 1]
  for (let i = 0; at < bytes.length; i++) {
    const n = Math.min(sizes[i % sizes.length], bytes.length - at)
    const part = bytes.subarray(at, at + n)
    if (i % 3 === 0) {
      // Two chunks sharing one ArrayBuffer (headers and body in one socket read).
      const shared = new Uint8Array(n + 16)
      shared.set(part, 16)
      chunks.push(shared.subarray(16))
    } else if (i % 3 === 1) {
      chunks.push(Buffer.from(part)) // small ones come from Node's shared pool
    } else {
      const own = new Uint8Array(new ArrayBuffer(n)) // a whole ArrayBuffer of its own
      own.set(part)
      chunks.push(own)
    }
    at += n
  }
  return chunks
}

async function* yieldAll(chunks: Uint8Array[], failAfter?: number) {
  for (const [i, c] of chunks.entries()) {
    if (failAfter !== undefined && i === failAfter) throw new Error('connection reset')
    yield c
  }
}

describe('downloadToFile', () => {
  it('writes every byte in order across many write batches, and reports size and SHA-256', async () => {
    const bytes = randomBytes(5 * MiB + 123)
    const chunks = chunksOf(bytes)
    const dest = path.join(dir, 'out.bin')
    const result = await downloadToFile(yieldAll(chunks), dest, bytes.length)
    expect(result).toEqual({ path: dest, size: bytes.length, sha256: sha(bytes) })
    expect(sha(readFileSync(dest))).toBe(sha(bytes))
    expect(readdirSync(dir)).toEqual(['out.bin'])
  })

  it('gives back the memory of chunks that own their ArrayBuffer once written, and only theirs', async () => {
    const bytes = randomBytes(3 * MiB)
    const chunks = chunksOf(bytes)
    const owners = chunks.filter(c => c.byteOffset === 0 && c.byteLength === c.buffer.byteLength)
    const sharers = chunks.filter(c => !owners.includes(c))
    const sharedLengths = sharers.map(c => c.byteLength)
    expect(owners.length).toBeGreaterThan(0)
    expect(sharers.length).toBeGreaterThan(0)
    await downloadToFile(yieldAll(chunks), path.join(dir, 'out.bin'), bytes.length)
    // Released: the chunk reads as empty now (its memory is gone, not waiting for a GC).
    expect(owners.every(c => c.byteLength === 0)).toBe(true)
    // A view on memory someone else shares (a pooled or shared buffer) is left alone.
    expect(sharers.map(c => c.byteLength)).toEqual(sharedLengths)
  })

  it('on a broken body: no file, no temporary file, the destination untouched', async () => {
    const dest = path.join(dir, 'out.bin')
    writeFileSync(dest, 'previous')
    const chunks = chunksOf(randomBytes(3 * MiB))
    await expect(downloadToFile(yieldAll(chunks, chunks.length - 2), dest)).rejects.toThrow(
      'connection reset'
    )
    expect(readdirSync(dir)).toEqual(['out.bin'])
    expect(readFileSync(dest, 'utf8')).toBe('previous')
  })

  it('a body shorter than announced is a truncated transfer, and leaves nothing', async () => {
    const bytes = randomBytes(2 * MiB)
    const dest = path.join(dir, 'out.bin')
    await expect(downloadToFile(yieldAll(chunksOf(bytes)), dest, bytes.length + 1)).rejects.toThrow(
      `the download ended after ${bytes.length} of ${bytes.length + 1} bytes`
    )
    expect(readdirSync(dir)).toEqual([])
  })

  it('a destination folder that cannot be written: the error, and nothing left behind', async () => {
    const blocker = path.join(dir, 'file')
    writeFileSync(blocker, 'x')
    await expect(
      downloadToFile(yieldAll([Buffer.from('abc')]), path.join(blocker, 'out.bin'))
    ).rejects.toThrow(/EEXIST|ENOTDIR/)
    expect(readdirSync(dir)).toEqual(['file'])
  })
})
