// Transport behaviour against a scripted stub server: login, re-login, redirects, retries,
// error bodies, uploads and downloads. The sandbox tests cover the same against the real stand-in.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  MaestroClient,
  MaestroHttpError,
  MaestroInputError,
  MaestroNetworkError,
  type MaestroClientOptions
} from '../../src/maestro/index.js'
import { json, startStub, type Stub } from './stub.js'

const KEY = 'KEY-very-secret-0001'
const TOKEN = 'TOKEN-abcdef-123456'

let stub: Stub
let dir: string
let clients: MaestroClient[] = []
let logs: string[]
let sleeps: number[]

beforeEach(async () => {
  stub = await startStub()
  dir = mkdtempSync(join(tmpdir(), 'maestro-transport-'))
  logs = []
  sleeps = []
})
afterEach(async () => {
  await Promise.all(clients.map(c => c.close()))
  clients = []
  await stub.close()
  rmSync(dir, { recursive: true, force: true })
})

function client(extra: Partial<MaestroClientOptions> = {}): MaestroClient {
  const c = new MaestroClient({
    server: stub.url + '/',
    login: 'acme',
    key: KEY,
    sleep: async ms => {
      sleeps.push(ms)
    },
    logger: {
      debug: m => logs.push(`debug ${m}`),
      info: m => logs.push(`info ${m}`),
      warning: m => logs.push(`warning ${m}`)
    },
    ...extra
  })
  clients.push(c)
  return c
}

function loginThen(
  rest: (
    path: string,
    res: Parameters<Parameters<Stub['handle']>[0]>[1],
    seen: Stub['seen'][number]
  ) => void
) {
  let n = 0
  stub.handle((req, res) => {
    if (req.path === '/api/v2/workspace/login') {
      n++
      return json(res, 200, { accessToken: `${TOKEN}-${n}`, organizationLabel: 'acme' })
    }
    rest(req.path, res, req)
  })
}

describe('authentication', () => {
  test('logs in lazily once, sends token + organization + user agent, and hands the token to onSecret first', async () => {
    const secrets: string[] = []
    let requestsAtSecret = -1
    loginThen((_p, res) => json(res, 200, { id: 1, state: 'START' }))
    const c = client({
      onSecret: v => {
        secrets.push(v)
        if (v.startsWith(TOKEN)) requestsAtSecret = stub.seen.length
      }
    })
    expect(stub.seen).toHaveLength(0)
    await c.getTask(1)
    await c.getTask(1)
    expect(stub.seen.map(s => `${s.method} ${s.path}`)).toEqual([
      'POST /api/v2/workspace/login',
      'GET /api/v2/task/1',
      'GET /api/v2/task/1'
    ])
    expect(JSON.parse(stub.seen[0].body.toString())).toEqual({ login: 'acme', key: KEY })
    expect(stub.seen[1].headers).toMatchObject({ token: `${TOKEN}-1`, organization: 'acme' })
    expect(stub.seen[1].headers['user-agent']).toMatch(
      /^maestro-actions\/\d+\.\d+\.\d+ \(\+node v\d+/
    )
    expect(secrets).toEqual([KEY, `${TOKEN}-1`])
    expect(requestsAtSecret).toBe(1) // only the login had been sent
    expect(c.accessToken).toBe(`${TOKEN}-1`)
  })

  test('concurrent first calls share one login', async () => {
    loginThen((_p, res) => json(res, 200, { id: 1 }))
    const c = client()
    await Promise.all([c.getTask(1), c.getTask(2), c.getTask(3)])
    expect(stub.seen.filter(s => s.path === '/api/v2/workspace/login')).toHaveLength(1)
  })

  test('a 401 after login: one new login, the call sent once more', async () => {
    let calls = 0
    loginThen((_p, res) =>
      ++calls === 1 ? json(res, 401, { message: 'expired' }) : json(res, 200, { id: 7 })
    )
    const c = client()
    await expect(c.getTask(7)).resolves.toMatchObject({ id: 7 })
    expect(stub.seen.map(s => s.path)).toEqual([
      '/api/v2/workspace/login',
      '/api/v2/task/7',
      '/api/v2/workspace/login',
      '/api/v2/task/7'
    ])
    expect(stub.seen[3].headers.token).toBe(`${TOKEN}-2`)
  })

  test('a second 401 is an error (no loop)', async () => {
    loginThen((_p, res) => json(res, 401, { message: 'nope' }))
    const e = await client()
      .getTask(7)
      .catch(x => x)
    expect(e).toBeInstanceOf(MaestroHttpError)
    expect(stub.seen).toHaveLength(4)
    expect(e.message).toMatch(
      /^Could not read task 7: HTTP 401 Unauthorized: nope\. Hint: check the login/
    )
  })

  test('a caller-given token without a key: a 401 says the token expired or is invalid', async () => {
    stub.handle((_r, res) => json(res, 401, { message: 'Unauthorized' }))
    const c = client({ key: undefined, accessToken: TOKEN })
    const e = await c.getTask(1).catch(x => x)
    expect(e).toBeInstanceOf(MaestroHttpError)
    expect(e.message).toMatch(/token expired or is invalid/)
    expect(stub.seen).toHaveLength(1)
    expect(stub.seen[0].headers.token).toBe(TOKEN)
  })

  test('a caller-given token without a key: the caller can say how to get a new one', async () => {
    stub.handle((_r, res) => json(res, 401, { message: 'Invalid or expired token' }))
    const c = client({ key: undefined, accessToken: TOKEN, expiredTokenHint: 'run login again.' })
    const e = await c.getTask(1).catch(x => x)
    expect(e.message).toMatch(
      /^Could not read task 1: HTTP 401 Unauthorized: Invalid or expired token\. Hint: run login again\.$/
    )
    expect(e.hint).toBe('run login again.')
  })

  test('the expired-token hint is not used when a key could renew the token', async () => {
    loginThen((_p, res) => json(res, 401, { message: 'nope' }))
    const c = client({ accessToken: TOKEN, expiredTokenHint: 'run login again.' })
    const e = await c.getTask(1).catch(x => x)
    expect(e.message).toMatch(/Hint: check the login/)
  })

  test('a caller-given token with a key: renewed on 401', async () => {
    let first = true
    loginThen((_p, res) => {
      if (first) {
        first = false
        return json(res, 401, {})
      }
      json(res, 200, { id: 1 })
    })
    const c = client({ accessToken: 'OLD-TOKEN-0000' })
    await c.getTask(1)
    expect(stub.seen.map(s => s.path)).toEqual([
      '/api/v2/task/1',
      '/api/v2/workspace/login',
      '/api/v2/task/1'
    ])
  })

  test('bad key: the login error says to check login and key, never shows the key', async () => {
    stub.handle((_r, res) => json(res, 401, { message: `Invalid key ${KEY} for acme` }))
    const e = await client()
      .getTask(1)
      .catch(x => x)
    expect(e).toBeInstanceOf(MaestroHttpError)
    expect(e.message).toMatch(
      /^Could not log in to http:\/\/127\.0\.0\.1:\d+ as 'acme': HTTP 401 Unauthorized: Invalid key \*\*\* for acme\. Hint: check the login/
    )
    expect(e.message).not.toContain(KEY)
  })

  test('no key and no token is refused at construction', () => {
    expect(() => new MaestroClient({ server: stub.url, login: 'acme' })).toThrow(MaestroInputError)
  })
})

describe('answers and retries', () => {
  test('a redirect is not followed and names the other host', async () => {
    loginThen((_p, res) => {
      res.writeHead(302, { location: 'https://evil.example:8443/steal' })
      res.end()
    })
    const e = await client()
      .getTask(1)
      .catch(x => x)
    expect(e).toBeInstanceOf(MaestroHttpError)
    expect(e.status).toBe(302)
    expect(e.message).toMatch(/redirected to evil\.example:8443/)
    expect(stub.seen).toHaveLength(2)
  })

  test('non-JSON 502 from a proxy: retried with backoff, then a short sanitized snippet', async () => {
    loginThen((_p, res) => {
      res.writeHead(502, { 'content-type': 'text/html' })
      res.end(`<html><body><h1>502 Bad Gateway</h1>${'x'.repeat(5000)}</body></html>`)
    })
    const e = await client({ retry: { attempts: 3, baseDelayMs: 100 } })
      .getTask(1)
      .catch(x => x)
    expect(e).toBeInstanceOf(MaestroHttpError)
    expect(e.message).toMatch(
      /HTTP 502 Bad Gateway: 502 Bad Gateway x+… \(after 3 attempts\)\. Hint: Maestro had a server-side problem/
    )
    expect(e.serverMessage.length).toBeLessThanOrEqual(200)
    expect(sleeps).toHaveLength(2)
    expect(sleeps[0]).toBeLessThan(100)
    expect(sleeps[1]).toBeLessThan(200)
    expect(
      logs.filter(l => l.startsWith('info') && /attempt 1 of 3 failed \(HTTP 502\)/.test(l))
    ).toHaveLength(1)
  })

  test('a create is not retried on 500', async () => {
    loginThen((_p, res) => json(res, 500, { message: 'boom' }))
    await expect(client().createTask({ activityLabel: 'x' })).rejects.toThrow(/HTTP 500/)
    expect(stub.seen.filter(s => s.path === '/api/v2/task')).toHaveLength(1)
  })

  test('a create is retried once on 429 with Retry-After, waiting what was asked', async () => {
    let n = 0
    loginThen((_p, res) =>
      ++n === 1
        ? json(res, 429, { message: 'slow down' }, { 'retry-after': '7' })
        : json(res, 200, { id: 3 })
    )
    await expect(client().createTask({ activityLabel: 'x' })).resolves.toMatchObject({ id: 3 })
    expect(sleeps).toEqual([7000])
  })

  test('ECONNREFUSED: a create is retried (never sent) and the error says so', async () => {
    const url = stub.url
    await stub.close()
    stub = await startStub()
    const c = new MaestroClient({
      server: url,
      login: 'acme',
      accessToken: TOKEN,
      sleep: async ms => void sleeps.push(ms)
    })
    clients.push(c)
    const e = await c.createTask({ activityLabel: 'x' }).catch(x => x)
    expect(e).toBeInstanceOf(MaestroNetworkError)
    expect(e.code).toBe('ECONNREFUSED')
    expect(e.attempts).toBe(4)
    expect(e.message).toMatch(
      /^Could not create task for automation 'x': network error \(ECONNREFUSED\) after 4 attempts: .*Hint: nothing listens/
    )
    // Never sent: nothing can have been created, so no "check before running again".
    expect(e.message).not.toContain('may have carried it out')
  })

  test('a timeout is a network error, and a create is not re-sent', async () => {
    loginThen(() => {
      /* never answer */
    })
    const e = await client({ timeoutMs: 300 })
      .createTask({ activityLabel: 'x' })
      .catch(x => x)
    expect(e).toBeInstanceOf(MaestroNetworkError)
    expect(e.code).toBe('TIMEOUT')
    expect(e.message).toMatch(/no complete answer within 300 ms/)
    // The server may still have made the task: the message must not read like a clean failure.
    expect(e.message).toMatch(
      /Hint: Maestro did not answer in time; .* The request was sent before it broke, so Maestro may have carried it out anyway: check there before running this step again\.$/
    )
    expect(stub.seen.filter(s => s.path === '/api/v2/task')).toHaveLength(1)
  })

  test('204 from pull means nothing to do', async () => {
    loginThen((_p, res) => {
      res.statusCode = 204
      res.end()
    })
    await expect(client().pullDatapoolEntry('pool')).resolves.toBeNull()
  })

  test('more than 50 recipients is refused before sending', async () => {
    const emails = Array.from({ length: 30 }, (_, i) => `u${i}@x.example`)
    const logins = Array.from({ length: 21 }, (_, i) => `l${i}`)
    const e = await client()
      .sendMessage({ emails, logins, subject: 's', body: 'b' })
      .catch(x => x)
    expect(e).toBeInstanceOf(MaestroInputError)
    expect(e.field).toBe('recipients')
    expect(e.message).toMatch(/at most 50 recipients.*got 51/)
    expect(stub.seen).toHaveLength(0)
  })
})

describe('files', () => {
  test('upload: record then streamed multipart with Content-Length, size and sha256 reported', async () => {
    const data = Buffer.alloc(3 * 1024 * 1024 + 17, 7)
    // A '"' in the name checks the header's quoting; Windows refuses '"' in file names.
    const name = process.platform === 'win32' ? 'report q1.bin' : 'report "q1".bin'
    const file = join(dir, name)
    writeFileSync(file, data)
    loginThen((p, res) =>
      p === '/api/v2/artifact' ? json(res, 200, { id: 42, name: 'n' }) : json(res, 200, {})
    )
    const r = await client().uploadArtifact({ taskId: 5, name: 'Report', filePath: file })
    const sha = createHash('sha256').update(data).digest('hex')
    expect(r).toMatchObject({ size: data.length, sha256: sha, artifact: { id: 42 } })
    const create = stub.seen[1]
    expect(JSON.parse(create.body.toString())).toEqual({
      taskId: 5,
      name: 'Report',
      filename: name
    })
    const up = stub.seen[2]
    expect(up.path).toBe('/api/v2/artifact/log/42')
    expect(Number(up.headers['content-length'])).toBe(up.body.length)
    expect(up.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    const text = up.body.toString('latin1')
    expect(text).toContain(
      `Content-Disposition: form-data; name="file"; filename="${name.replaceAll('"', '_')}"`
    )
    const start = up.body.indexOf('\r\n\r\n') + 4
    expect(
      createHash('sha256')
        .update(up.body.subarray(start, start + data.length))
        .digest('hex')
    ).toBe(sha)
  })

  test('a missing file is refused before the record is created', async () => {
    const e = await client()
      .uploadArtifact({ taskId: 5, name: 'R', filePath: join(dir, 'nope') })
      .catch(x => x)
    expect(e).toBeInstanceOf(MaestroInputError)
    expect(e.field).toBe('filePath')
    expect(stub.seen).toHaveLength(0)
  })

  test('download: complete file renamed into place; truncated answer leaves nothing', async () => {
    const data = Buffer.alloc(100_000, 1)
    let truncate = false
    loginThen((_p, res) => {
      res.writeHead(200, { 'content-length': String(data.length) })
      if (truncate) {
        res.write(data.subarray(0, 1000))
        res.socket?.destroy()
        return
      }
      res.end(data)
    })
    const c = client({ retry: { attempts: 2 } })
    const dest = join(dir, 'out', 'file.bin')
    const r = await c.downloadArtifact(9, dest)
    expect(r).toEqual({
      path: dest,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex')
    })
    expect(readFileSync(dest)).toEqual(data)
    truncate = true
    const dest2 = join(dir, 'out', 'file2.bin')
    const e = await c.downloadArtifact(9, dest2).catch(x => x)
    expect(e).toBeInstanceOf(MaestroNetworkError)
    expect(e.attempts).toBe(2)
    expect(readdirSync(join(dir, 'out'))).toEqual(['file.bin'])
  })

  test('download into a folder uses a safe version of the server file name', async () => {
    loginThen((p, res) => {
      if (p === '/api/v2/artifact/9')
        return json(res, 200, { id: 9, fileName: '../../etc/passwd', name: 'x' })
      res.end('hello')
    })
    const r = await client().downloadArtifact(9, dir)
    expect(r.path).toBe(join(dir, 'passwd'))
    expect(readFileSync(r.path, 'utf8')).toBe('hello')
  })
})
