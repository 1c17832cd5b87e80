// uploadArtifact from a re-openable source of unknown size ({open, fileName}): sent chunked, size
// and SHA-256 computed on the way, and the file send retried with a fresh stream.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { MaestroInputError, type MaestroClient } from '../../src/maestro/index.js'
import { prepareUpload } from '../../src/maestro/multipart.js'
import { failure, startHarness, type Harness } from './sandbox-harness.js'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** 3 MiB in 64 KiB chunks, generated on each read: nothing of unknown length is buffered. */
const CHUNKS = 48
const chunk = (i: number) => Buffer.alloc(64 * 1024, i % 251)
const whole = Buffer.concat(Array.from({ length: CHUNKS }, (_, i) => chunk(i)))
function generated(): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < CHUNKS; i++) yield chunk(i)
    })()
  )
}

describe('uploadArtifact({ open })', () => {
  let h: Harness
  let c: MaestroClient
  let taskId: number
  beforeAll(async () => {
    h = await startHarness()
    c = h.client()
    taskId = (await c.createTask({ activityLabel: 'deploy-bot' })).id
  })
  afterAll(() => h.close())
  beforeEach(async () => {
    await h.control('DELETE', '/faults')
    await h.control('DELETE', '/requests')
    h.sleeps.length = 0
  })

  test('sends chunked without Content-Length; size and sha256 match what the server stored', async () => {
    let opened = 0
    const r = await c.uploadArtifact({
      taskId,
      name: 'Bundle',
      fileName: 'bundle.zip',
      open: () => {
        opened++
        return generated()
      }
    })
    expect(opened).toBe(1)
    expect(r).toMatchObject({
      size: whole.length,
      sha256: sha(whole),
      artifact: { name: 'Bundle' }
    })
    const stored = (await h.state()).artifacts.find((a: { id: number }) => a.id === r.artifact.id)
    expect(stored).toMatchObject({ fileName: 'bundle.zip', size: whole.length, sha256: sha(whole) })
    const send = (await h.requests()).find(x => x.path === `/api/v2/artifact/log/${r.artifact.id}`)
    expect(send?.headers['transfer-encoding']).toBe('chunked')
    expect(send?.headers['content-length']).toBeUndefined()
  })

  test('an async open() works too, and the filePath/stream forms keep their Content-Length', async () => {
    const text = Buffer.from('small and known\n')
    const r = await c.uploadArtifact({
      taskId,
      name: 'Async',
      fileName: 'a.txt',
      open: async () => Readable.from([text])
    })
    expect(r).toMatchObject({ size: text.length, sha256: sha(text) })
    const r2 = await c.uploadArtifact({
      taskId,
      name: 'Known',
      stream: Readable.from([text]),
      size: text.length,
      fileName: 'k.txt'
    })
    const send = (await h.requests()).find(x => x.path === `/api/v2/artifact/log/${r2.artifact.id}`)
    expect(send?.headers['content-length']).toMatch(/^\d+$/)
    expect(send?.headers['transfer-encoding']).toBeUndefined()
  })

  test('a reset mid-send is retried with a fresh stream: one record, the right bytes', async () => {
    const before = (await h.state()).artifacts.length
    await h.fault({
      method: 'POST',
      path: '/api/v2/artifact/log/*',
      reset: 'during-request',
      afterBytes: 500_000
    })
    let opened = 0
    const r = await c.uploadArtifact({
      taskId,
      name: 'Retried',
      fileName: 'r.zip',
      open: () => {
        opened++
        return generated()
      }
    })
    expect(opened).toBe(2)
    expect(h.sleeps).toHaveLength(1)
    expect(r).toMatchObject({ size: whole.length, sha256: sha(whole) })
    const artifacts = (await h.state()).artifacts
    expect(artifacts.length).toBe(before + 1)
    expect(artifacts.at(-1)).toMatchObject({ size: whole.length, sha256: sha(whole) })
    const reqs = await h.requests()
    expect(reqs.filter(x => x.path === '/api/v2/artifact')).toHaveLength(1)
    expect(reqs.filter(x => x.path === `/api/v2/artifact/log/${r.artifact.id}`)).toHaveLength(2)
  })

  test('a missing fileName or an open that is not a function is refused before sending', async () => {
    const e = await failure(
      c.uploadArtifact({ taskId, name: 'X', fileName: '', open: () => generated() })
    )
    expect(e).toBeInstanceOf(MaestroInputError)
    expect((e as MaestroInputError).field).toBe('fileName')
    await expect(
      prepareUpload({ open: 'nope' as unknown as () => Readable, fileName: 'x' }, 'op')
    ).rejects.toMatchObject({ field: 'open' })
    expect(await h.requests()).toEqual([])
  })

  test('the deadline is sized from sizeHint, or 1 GiB without one', async () => {
    const withHint = await prepareUpload(
      { open: () => generated(), fileName: 'x', sizeHint: 1234 },
      'op'
    )
    expect(withHint).toMatchObject({ size: undefined, contentLength: undefined, budgetSize: 1234 })
    expect(withHint.replayable).toBe(true)
    const noHint = await prepareUpload({ open: () => generated(), fileName: 'x' }, 'op')
    expect(noHint.budgetSize).toBe(1024 ** 3)
  })
})

describe('uploadBot({ open }, { exactlyOnce })', () => {
  let h: Harness
  let c: MaestroClient
  const botId = 'open-bot'
  beforeAll(async () => {
    h = await startHarness()
    c = h.client()
    await c.deployBot({ botId, version: '1', technology: 'PYTHON' })
  })
  afterAll(() => h.close())
  beforeEach(async () => {
    await h.control('DELETE', '/faults')
    await h.control('DELETE', '/requests')
    h.sleeps.length = 0
  })
  const stored = async () =>
    (await h.state()).bots.find((b: { botId: string }) => b.botId === botId).versions[0]
  const sends = async () =>
    (await h.requests()).filter(x => x.path === `/api/v2/bot/upload/${botId}/version/1`)

  test('sends a re-openable source chunked; the server stores the same bytes', async () => {
    const r = await c.uploadBot(botId, '1', { open: () => generated(), fileName: 'bot.zip' })
    expect(r).toMatchObject({ size: whole.length, sha256: sha(whole) })
    expect((await stored()).upload).toMatchObject({ fileName: 'bot.zip', sha256: sha(whole) })
    expect((await sends())[0].headers['transfer-encoding']).toBe('chunked')
  })

  test('exactlyOnce: a send cut mid-way is not repeated; by default it is', async () => {
    const rule = { method: 'POST', path: '/api/v2/bot/upload/**', reset: 'during-request' }
    await h.fault({ ...rule, afterBytes: 500_000 })
    const uploadsBefore = (await stored()).uploads
    let opened = 0
    const open = () => {
      opened++
      return generated()
    }
    await expect(
      c.uploadBot(botId, '1', { open, fileName: 'bot.zip' }, { exactlyOnce: true })
    ).rejects.toThrow(/upload the package of bot 'open-bot' version '1'/)
    expect(opened).toBe(1)
    expect(await sends()).toHaveLength(1)
    expect((await stored()).uploads).toBe(uploadsBefore)

    await h.control('DELETE', '/requests')
    await h.fault({ ...rule, afterBytes: 500_000 })
    await c.uploadBot(botId, '1', { open, fileName: 'bot.zip' })
    expect(opened).toBe(3)
    expect(await sends()).toHaveLength(2)
    expect((await stored()).uploads).toBe(uploadsBefore + 1)
  })

  test('exactlyOnce still retries what the server refused unprocessed (503 + Retry-After)', async () => {
    await h.fault({
      method: 'POST',
      path: '/api/v2/bot/upload/**',
      status: 503,
      retryAfter: '0',
      times: 1
    })
    const r = await c.uploadBot(
      botId,
      '1',
      { open: () => generated(), fileName: 'bot.zip' },
      { exactlyOnce: true }
    )
    expect(r.sha256).toBe(sha(whole))
    expect((await sends()).map(x => x.status)).toEqual([503, 200])
  })
})
