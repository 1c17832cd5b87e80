import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { harness, multipart, raw, sleep, type Harness } from './helpers.js'

let h: Harness
let taskId: number
beforeAll(async () => {
  h = await harness({ bots: [{ botId: 'seeded-bot', version: '1.0.0' }] })
  taskId = (await h.call('POST', '/api/v2/task', { activityLabel: 'demo-bot' })).body.id
})
afterAll(() => h.sb.close())

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

async function upload(path: string, content: Buffer, fileName = 'file.bin', part = 'file') {
  const m = multipart(content, fileName, part)
  const r = await fetch(h.sb.url + path, {
    method: 'POST',
    headers: { ...h.auth, 'content-type': m.contentType },
    body: m.body
  })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body: any = await r.json().catch(() => undefined)
  return { status: r.status, body }
}

const storedFiles = () => readdir(join(h.sb.dataDir, 'files'))

describe('artifacts', () => {
  it('creates a record, streams a multi-MB file to disk and serves the same bytes', async () => {
    const rec = await h.call('POST', '/api/v2/artifact', {
      taskId,
      name: 'report',
      filename: 'report.bin'
    })
    expect(rec.status).toBe(200)
    expect(rec.body).toMatchObject({
      taskId,
      name: 'report',
      fileName: 'report.bin',
      taskName: 'demo-bot'
    })
    for (const f of [
      'id',
      'type',
      'storageFileName',
      'storageFilePath',
      'organizationId',
      'user',
      'dateCreation'
    ]) {
      expect(rec.body).toHaveProperty(f)
    }
    const content = randomBytes(5 * 1024 * 1024 + 123)
    const up = await upload(`/api/v2/artifact/log/${rec.body.id}`, content, 'report.bin')
    expect(up.status).toBe(200)

    const state = (await h.control('GET', '/state')).body
    const a = state.artifacts.find((x: { id: number }) => x.id === rec.body.id)
    expect(a).toMatchObject({ size: content.length, sha256: sha(content) })
    // The bytes on disk are the bytes sent.
    const onDisk = await readFile(
      join(
        h.sb.dataDir,
        'files',
        (await h.call('GET', `/api/v2/artifact/${rec.body.id}`)).body.storageFileName
      )
    )
    expect(sha(onDisk)).toBe(sha(content))

    const dl = await fetch(`${h.sb.url}/api/v2/artifact/${rec.body.id}/file`, { headers: h.auth })
    expect(dl.status).toBe(200)
    expect(dl.headers.get('content-length')).toBe(String(content.length))
    expect(dl.headers.get('content-disposition')).toContain('report.bin')
    expect(sha(Buffer.from(await dl.arrayBuffer()))).toBe(sha(content))
  })

  it('replaces the file when uploading again to the same record', async () => {
    const rec = (
      await h.call('POST', '/api/v2/artifact', {
        taskId: String(taskId),
        name: 'r2',
        filename: 'r2.txt'
      })
    ).body
    await upload(`/api/v2/artifact/log/${rec.id}`, Buffer.from('first version'))
    const before = await storedFiles()
    await upload(`/api/v2/artifact/log/${rec.id}`, Buffer.from('second'))
    const after = await storedFiles()
    expect(after.length).toBe(before.length) // old file removed
    const dl = await fetch(`${h.sb.url}/api/v2/artifact/${rec.id}/file`, { headers: h.auth })
    expect(await dl.text()).toBe('second')
  })

  it('lists a Spring Page, newest first, walking pages of 5', async () => {
    for (let i = 0; i < 6; i++)
      await h.call('POST', '/api/v2/artifact', { taskId, name: `p${i}`, filename: `p${i}` })
    const p0 = await h.call('GET', '/api/v2/artifact?size=5&page=0&sort=dateCreation,desc&days=7')
    expect(p0.status).toBe(200)
    expect(p0.body.size).toBe(5)
    expect(p0.body.content).toHaveLength(5)
    expect(p0.body.content[0].name).toBe('p5')
    const total = p0.body.totalElements
    const seen = new Set<number>()
    for (let p = 0; p < p0.body.totalPages; p++) {
      const r = await h.call(
        'GET',
        `/api/v2/artifact?size=5&page=${p}&sort=dateCreation,desc&days=7`
      )
      for (const a of r.body.content) seen.add(a.id)
      expect(r.body.last).toBe(p === p0.body.totalPages - 1)
    }
    expect(seen.size).toBe(total)
  })

  it('404s naming unknown artifact ids and tasks; 404 for a record without a file', async () => {
    const r = await h.call('GET', '/api/v2/artifact/5555')
    expect(r.status).toBe(404)
    expect(r.body.message).toContain('5555')
    expect((await upload('/api/v2/artifact/log/5555', Buffer.from('x'))).status).toBe(404)
    expect(
      (await h.call('POST', '/api/v2/artifact', { taskId: 8888, name: 'n', filename: 'f' })).body
        .message
    ).toContain('8888')
    const rec = (await h.call('POST', '/api/v2/artifact', { taskId, name: 'empty', filename: 'e' }))
      .body
    expect((await h.call('GET', `/api/v2/artifact/${rec.id}/file`)).status).toBe(404)
  })

  it('400s on a body that is not multipart or lacks the file part', async () => {
    const rec = (await h.call('POST', '/api/v2/artifact', { taskId, name: 'x', filename: 'x' }))
      .body
    const notMultipart = await h.call('POST', `/api/v2/artifact/log/${rec.id}`, { file: 'x' })
    expect(notMultipart.status).toBe(400)
    const wrongPart = await upload(
      `/api/v2/artifact/log/${rec.id}`,
      Buffer.from('x'),
      'x',
      'document'
    )
    expect(wrongPart.status).toBe(400)
    expect(wrongPart.body.message).toMatch(/'file'/)
  })

  it('stores the part named file when other parts come first', async () => {
    const rec = (await h.call('POST', '/api/v2/artifact', { taskId, name: 'two', filename: 'two' }))
      .body
    const part = (name: string, fileName: string, data: string) =>
      `--xyz\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\n\r\n${data}\r\n`
    const body =
      part('document', 'other.txt', 'not me') + part('file', 'me.txt', 'me') + '--xyz--\r\n'
    const r = await fetch(`${h.sb.url}/api/v2/artifact/log/${rec.id}`, {
      method: 'POST',
      headers: { ...h.auth, 'content-type': 'multipart/form-data; boundary=xyz' },
      body
    })
    expect(r.status).toBe(200)
    const dl = await fetch(`${h.sb.url}/api/v2/artifact/${rec.id}/file`, { headers: h.auth })
    expect(await dl.text()).toBe('me')
  })

  it('serves a download cut by a during-response fault, after the file was found', async () => {
    const rec = (await h.call('POST', '/api/v2/artifact', { taskId, name: 'big', filename: 'big' }))
      .body
    const content = randomBytes(256 * 1024)
    await upload(`/api/v2/artifact/log/${rec.id}`, content)
    await h.control('POST', '/faults', {
      path: '/api/v2/artifact/*/file',
      reset: 'during-response',
      afterBytes: 4096
    })
    const r = await raw(h.sb.url, 'GET', `/api/v2/artifact/${rec.id}/file`, h.auth)
    expect(r.status).toBe(200)
    expect(r.error).toBeDefined()
    expect(r.body.length).toBe(4096)
    expect(r.body.equals(content.subarray(0, 4096))).toBe(true)
    await h.control('POST', '/faults', { path: '/api/v2/artifact/*/file', truncate: true })
    const t = await raw(h.sb.url, 'GET', `/api/v2/artifact/${rec.id}/file`, h.auth)
    expect(t.headers?.['content-length']).toBe(String(content.length))
    expect(t.body.length).toBe(content.length / 2)
    expect(t.error).toBeDefined()
  })

  it('keeps no partial file when the upload is reset mid-request', async () => {
    const rec = (await h.call('POST', '/api/v2/artifact', { taskId, name: 'cut', filename: 'cut' }))
      .body
    const before = await storedFiles()
    await h.control('POST', '/faults', {
      path: '/api/v2/artifact/log/*',
      reset: 'during-request',
      afterBytes: 64 * 1024
    })
    const m = multipart(randomBytes(1024 * 1024))
    const r = await raw(
      h.sb.url,
      'POST',
      `/api/v2/artifact/log/${rec.id}`,
      { ...h.auth, 'content-type': m.contentType },
      m.body
    )
    expect(r.error).toBeDefined()
    expect(await storedFiles()).toEqual(before)
    const state = (await h.control('GET', '/state')).body
    expect(state.artifacts.find((a: { id: number }) => a.id === rec.id).sha256).toBeNull()
  })

  it('removes the partial file when the client aborts an upload', async () => {
    const rec = (
      await h.call('POST', '/api/v2/artifact', { taskId, name: 'abort', filename: 'abort' })
    ).body
    const before = await storedFiles()
    const m = multipart(randomBytes(4 * 1024 * 1024))
    await new Promise<void>(resolve => {
      const req = request(`${h.sb.url}/api/v2/artifact/log/${rec.id}`, {
        method: 'POST',
        agent: false,
        headers: { ...h.auth, 'content-type': m.contentType, 'content-length': m.body.length }
      })
      req.on('error', () => resolve())
      req.write(m.body.subarray(0, 1024 * 1024))
      // Give the server time to start writing the file, then vanish.
      setTimeout(() => {
        req.destroy()
        resolve()
      }, 200)
    })
    let after = await storedFiles()
    for (let i = 0; i < 20 && after.length !== before.length; i++) {
      await sleep(50)
      after = await storedFiles()
    }
    expect(after).toEqual(before)
    const next = await upload(`/api/v2/artifact/log/${rec.id}`, Buffer.from('fine'))
    expect(next.status).toBe(200)
  })
})

describe('errors', () => {
  it('creates (exactly 201) with tags, screenshot and attachments', async () => {
    const r = await h.call('POST', '/api/v2/error', {
      taskId,
      type: 'ValueError',
      message: 'bad value',
      stackTrace: 'Traceback...',
      language: 'PYTHON',
      tags: {
        user_name: 'me',
        host_name: 'h',
        os_name: 'Linux',
        os_version: '6',
        python_version: '3.12'
      }
    })
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({
      taskId,
      type: 'ValueError',
      message: 'bad value',
      language: 'PYTHON'
    })
    const id = r.body.id
    const png = randomBytes(2000)
    expect((await upload(`/api/v2/error/${id}/screenshot`, png, 'shot.png')).status).toBe(200)
    const a1 = randomBytes(100)
    const a2 = randomBytes(300)
    expect((await upload(`/api/v2/error/${id}/attachments`, a1, 'a1.txt')).status).toBe(200)
    expect((await upload(`/api/v2/error/${id}/attachments`, a2, 'a2.txt')).status).toBe(200)
    const e = (await h.control('GET', '/state')).body.errors.find(
      (x: { id: number }) => x.id === id
    )
    expect(e.screenshot).toEqual({ fileName: 'shot.png', size: 2000, sha256: sha(png) })
    expect(e.attachments).toEqual([
      { fileName: 'a1.txt', size: 100, sha256: sha(a1) },
      { fileName: 'a2.txt', size: 300, sha256: sha(a2) }
    ])
    const one = await h.call('GET', `/api/v2/error/${id}`)
    expect(one.body.tags.python_version).toBe('3.12')
    const list = await h.call(
      'GET',
      `/api/v2/error?taskId=${taskId}&automationLabel=demo-bot&days=1&page=0&size=10`
    )
    expect(list.body.content.map((x: { id: number }) => x.id)).toContain(id)
    expect((await h.call('GET', '/api/v2/error?automationLabel=other')).body.totalElements).toBe(0)
  })

  it('takes a .NET-style multipart body (quoted boundary, unquoted name, odd part type)', async () => {
    const report = (
      await h.call('POST', '/api/v2/error', {
        taskId: String(taskId),
        message: 'cs',
        language: 'SHELL'
      })
    ).body
    const content = randomBytes(5000)
    const body = Buffer.concat([
      Buffer.from(
        '--abc-123\r\nContent-Type: multipart/form-data\r\n' +
          "Content-Disposition: form-data; name=file; filename=shot.png; filename*=utf-8''shot.png\r\n\r\n"
      ),
      content,
      Buffer.from('\r\n--abc-123--\r\n')
    ])
    const r = await fetch(`${h.sb.url}/api/v2/error/${report.id}/screenshot`, {
      method: 'POST',
      headers: { ...h.auth, 'content-type': 'multipart/form-data; boundary="abc-123"' },
      body
    })
    expect(r.status).toBe(200)
    const e = (await h.control('GET', '/state')).body.errors.find(
      (x: { id: number }) => x.id === report.id
    )
    expect(e.screenshot).toEqual({ fileName: 'shot.png', size: 5000, sha256: sha(content) })
  })

  it('404s naming unknown errors and tasks; 400 on a missing message', async () => {
    const r = await h.call('GET', '/api/v2/error/4321')
    expect(r.status).toBe(404)
    expect(r.body.message).toContain('4321')
    expect((await upload('/api/v2/error/4321/screenshot', Buffer.from('x'))).status).toBe(404)
    expect((await h.call('POST', '/api/v2/error', { taskId: 999999, message: 'm' })).status).toBe(
      404
    )
    expect((await h.call('POST', '/api/v2/error', { taskId })).status).toBe(400)
  })
})

describe('bots', () => {
  it('lists (exactly 200), deploys, uploads, releases and deletes', async () => {
    const none = await h.call('GET', '/api/v2/bot?botId=new-bot')
    expect(none.status).toBe(200)
    expect(none.body).toEqual([])
    const seeded = await h.call('GET', '/api/v2/bot?botId=seeded-bot')
    expect(seeded.body).toMatchObject([
      { botId: 'seeded-bot', version: '1.0.0', technology: 'PYTHON' }
    ])

    const dep = await h.call('POST', '/api/v2/bot', {
      organization: h.sb.login,
      botId: 'new-bot',
      version: '2.1.0',
      technology: 'JAVASCRIPT',
      command: null,
      repositoryLabel: 'DEFAULT'
    })
    expect(dep.status).toBe(200)
    const pkg = randomBytes(300_000)
    expect((await upload('/api/v2/bot/upload/new-bot/version/2.1.0', pkg, 'bot.zip')).status).toBe(
      200
    )
    expect(
      (await h.call('POST', '/api/v2/bot', { botId: 'new-bot', version: '2.2.0', technology: 3 }))
        .status
    ).toBe(200)
    const rel = await h.call('POST', '/api/v2/bot/release', { botId: 'new-bot', version: '2.1.0' })
    expect(rel.status).toBe(200)
    const state = (await h.control('GET', '/state')).body.bots.find(
      (b: { botId: string }) => b.botId === 'new-bot'
    )
    expect(state.released).toBe('2.1.0')
    expect(state.versions.find((v: { version: string }) => v.version === '2.1.0').upload).toEqual({
      fileName: 'bot.zip',
      size: pkg.length,
      sha256: sha(pkg)
    })
    expect(state.versions.find((v: { version: string }) => v.version === '2.2.0').technology).toBe(
      'TYPESCRIPT'
    )
    expect((await h.call('GET', '/api/v2/bot?botId=new-bot')).body).toHaveLength(2)
    const all = (await h.call('GET', '/api/v2/bot')).body.map((b: { botId: string }) => b.botId)
    expect(all).toEqual(expect.arrayContaining(['seeded-bot', 'new-bot']))
    const del = await h.call('DELETE', '/api/v2/bot/new-bot/version/2.2.0')
    expect(del.status).toBe(200)
    expect((await h.call('GET', '/api/v2/bot?botId=new-bot')).body).toHaveLength(1)
  })

  it('400s on a bad technology, 409 on a duplicate version, 404 naming unknown bots', async () => {
    expect(
      (await h.call('POST', '/api/v2/bot', { botId: 'b', version: '1', technology: 'COBOL' }))
        .status
    ).toBe(400)
    expect(
      (
        await h.call('POST', '/api/v2/bot', {
          botId: 'seeded-bot',
          version: '1.0.0',
          technology: 'PYTHON'
        })
      ).status
    ).toBe(409)
    const rel = await h.call('POST', '/api/v2/bot/release', { botId: 'ghost-bot', version: '1' })
    expect(rel.status).toBe(404)
    expect(rel.body.message).toContain("'ghost-bot'")
    const ver = await h.call('DELETE', '/api/v2/bot/seeded-bot/version/9.9.9')
    expect(ver.status).toBe(404)
    expect(ver.body.message).toContain("'9.9.9'")
    expect((await upload('/api/v2/bot/upload/ghost-bot/version/1', Buffer.from('x'))).status).toBe(
      404
    )
  })

  it('counts the packages stored per version (state only), keeping just the latest file', async () => {
    await h.call('POST', '/api/v2/bot', { botId: 'count-bot', version: '1', technology: 'JAVA' })
    const version = async () =>
      (await h.control('GET', '/state')).body.bots.find(
        (b: { botId: string }) => b.botId === 'count-bot'
      ).versions[0]
    expect((await version()).uploads).toBe(0)
    const before = (await storedFiles()).length
    await upload('/api/v2/bot/upload/count-bot/version/1', Buffer.from('first'), 'a.zip')
    const second = Buffer.from('second')
    const r = await upload('/api/v2/bot/upload/count-bot/version/1', second, 'b.tar.gz')
    expect(r.status).toBe(200)
    expect(r.body).not.toHaveProperty('uploads')
    expect(await version()).toMatchObject({
      uploads: 2,
      upload: { fileName: 'b.tar.gz', size: second.length, sha256: sha(second) }
    })
    expect((await storedFiles()).length).toBe(before + 1)
    const listed = (await h.call('GET', '/api/v2/bot?botId=count-bot')).body
    expect(listed[0]).not.toHaveProperty('uploads')
  })
})
