// Transfers under faults, proxies, private CAs, and secrets in every error path.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  MaestroHttpError,
  MaestroInputError,
  MaestroNetworkError,
  type MaestroClient
} from '../../src/maestro/index.js'
import {
  CREDENTIAL_VALUE,
  expectNoSecrets,
  failure,
  startHarness,
  type Harness
} from './sandbox-harness.js'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'maestro-net-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('transfers under faults', () => {
  let h: Harness
  let c: MaestroClient
  let taskId: number
  const data = Buffer.alloc(2 * 1024 * 1024, 5)
  let file: string
  beforeAll(async () => {
    h = await startHarness()
    c = h.client()
    taskId = (await c.createTask({ activityLabel: 'deploy-bot' })).id
    file = join(dir, 'big.bin')
    for (let i = 0; i < data.length; i += 4096) data[i] = i % 251
    writeFileSync(file, data)
  })
  afterAll(() => h.close())
  beforeEach(async () => {
    await h.control('DELETE', '/faults')
    h.sleeps.length = 0
  })

  test('reset mid-upload: the file is sent again, and there is still one artifact record', async () => {
    const before = (await h.state()).artifacts.length
    await h.control('DELETE', '/requests')
    await h.fault({
      method: 'POST',
      path: '/api/v2/artifact/log/*',
      reset: 'during-request',
      afterBytes: 300_000
    })
    const r = await c.uploadArtifact({ taskId, name: 'Big', filePath: file })
    expect(r).toMatchObject({ size: data.length, sha256: sha(data) })
    const artifacts = (await h.state()).artifacts
    expect(artifacts.length).toBe(before + 1)
    expect(artifacts.at(-1)).toMatchObject({
      id: r.artifact.id,
      size: data.length,
      sha256: sha(data)
    })
    const reqs = await h.requests()
    expect(reqs.filter(x => x.path === '/api/v2/artifact')).toHaveLength(1)
    expect(reqs.filter(x => x.path === `/api/v2/artifact/log/${r.artifact.id}`)).toHaveLength(2)
    expect(h.sleeps).toHaveLength(1)
  })

  test('reset while creating the artifact record: not retried, no upload', async () => {
    await h.control('DELETE', '/requests')
    await h.fault({
      method: 'POST',
      path: '/api/v2/artifact',
      reset: 'during-request',
      afterBytes: 10
    })
    const e = await failure(c.uploadArtifact({ taskId, name: 'Big', filePath: file }))
    expect(e).toBeInstanceOf(MaestroNetworkError)
    expect(e.message).toMatch(
      /^Could not create the record of artifact 'Big' for task \d+: network error/
    )
    const reqs = await h.requests()
    expect(reqs.filter(x => x.path.startsWith('/api/v2/artifact'))).toHaveLength(1)
  })

  test('truncated download: retried, and when it keeps failing nothing is left behind', async () => {
    const { artifact } = await c.uploadArtifact({ taskId, name: 'Big', filePath: file })
    const out = join(dir, 'dl')
    await h.fault({
      method: 'GET',
      path: `/api/v2/artifact/${artifact.id}/file`,
      truncate: true,
      afterBytes: 100_000
    })
    const ok = await c.downloadArtifact(artifact.id, join(out, 'a.bin'))
    expect(ok).toMatchObject({ size: data.length, sha256: sha(data) })
    expect(h.sleeps).toHaveLength(1)
    await h.fault({
      method: 'GET',
      path: `/api/v2/artifact/${artifact.id}/file`,
      truncate: true,
      afterBytes: 100_000,
      times: 0
    })
    const e = await failure(c.downloadArtifact(artifact.id, join(out, 'b.bin')))
    expect(e).toBeInstanceOf(MaestroNetworkError)
    expect((e as MaestroNetworkError).attempts).toBe(4)
    expect(readdirSync(out)).toEqual(['a.bin'])
    await h.fault({
      method: 'GET',
      path: `/api/v2/artifact/${artifact.id}/file`,
      reset: 'during-response',
      afterBytes: 5000,
      times: 0
    })
    await expect(c.downloadArtifact(artifact.id, join(out, 'c.bin'))).rejects.toThrow(
      MaestroNetworkError
    )
    expect(readdirSync(out)).toEqual(['a.bin'])
  })

  test('an upload replaying a caller stream is never retried', async () => {
    const { Readable } = await import('node:stream')
    await h.fault({ method: 'POST', path: '/api/v2/artifact/log/*', status: 503 })
    const e = await failure(
      c.uploadArtifact({
        taskId,
        name: 'S',
        stream: Readable.from([Buffer.from('abc')]),
        size: 3,
        fileName: 's.txt'
      })
    )
    expect(e).toBeInstanceOf(MaestroHttpError)
    expect(h.sleeps).toEqual([])
  })
})

describe('no secret in any error path', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h.close())

  test('login, HTTP JSON, HTTP text, 3xx, network, timeout, TLS-free input errors', async () => {
    const c = h.client({ retry: { attempts: 2 }, timeoutMs: 300 })
    await c.login()
    await c.getCredentialValue('erp', 'password') // the client now knows this value
    const token = c.accessToken!
    const key = h.sb.key
    const echo = `key=${key} token=${token} value=${CREDENTIAL_VALUE} json=${JSON.stringify(key).slice(1, -1)}`
    const errors: Error[] = []
    // Maestro echoing request data in a JSON message, on a create and on an idempotent call.
    await h.fault({ method: 'POST', path: '/api/v2/task', status: 400, body: { message: echo } })
    errors.push(await failure(c.createTask({ activityLabel: 'deploy-bot' })))
    await h.fault({
      method: 'GET',
      path: '/api/v2/credential/**',
      status: 500,
      body: echo,
      times: 2
    })
    errors.push(await failure(c.getCredentialValue('erp', 'password')))
    // The login itself failing with an echo of the key.
    await h.fault({
      method: 'POST',
      path: '/api/v2/workspace/login',
      status: 401,
      body: { message: `bad key ${key}` }
    })
    errors.push(await failure(h.client().getTask(1)))
    // A redirect whose Location carries the token.
    await h.fault({ method: 'GET', path: '/api/v2/task/*', status: 302, body: echo })
    errors.push(await failure(c.getTask(1)))
    // Network errors: a reset, a timeout, a refused connection.
    await h.fault({ method: 'POST', path: '/api/v2/alerts', reset: 'before-response' })
    errors.push(
      await failure(
        c.createAlert({ taskId: 1, title: 't', message: CREDENTIAL_VALUE, type: 'INFO' })
      )
    )
    await h.fault({ method: 'GET', path: '/api/v2/task/*', delayMs: 1000, times: 2 })
    errors.push(await failure(c.getTask(1)))
    errors.push(
      await failure(h.client({ server: 'http://127.0.0.1:9', retry: { attempts: 1 } }).getTask(1))
    )
    // Input errors quoting caller data.
    errors.push(await failure(c.setCredentialValue('', 'k', CREDENTIAL_VALUE)))
    expect(errors.map(e => e.constructor.name)).toEqual([
      'MaestroHttpError',
      'MaestroHttpError',
      'MaestroHttpError',
      'MaestroHttpError',
      'MaestroNetworkError',
      'MaestroNetworkError',
      'MaestroNetworkError',
      'MaestroInputError'
    ])
    expect(errors[0].message).toMatch(/key=\*\*\* token=\*\*\* value=\*\*\*/)
    expect(errors[1].message).toMatch(/key=\*\*\* token=\*\*\*/)
    for (const e of errors) expectNoSecrets(h, e)
    expect(h.logs.join('\n')).not.toContain(token)
  })
})

// ---------------------------------------------------------------- TLS with a private CA

function makeCerts(into: string): { ca: string; cert: string; key: string } {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: into, stdio: 'pipe' })
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=maestro-actions test CA'
  )
  run(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'srv.key',
    '-out',
    'srv.csr',
    '-subj',
    '/CN=127.0.0.1'
  )
  writeFileSync(
    join(into, 'ext.cnf'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n'
  )
  run(
    'x509',
    '-req',
    '-in',
    'srv.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'srv.pem',
    '-days',
    '2',
    '-extfile',
    'ext.cnf'
  )
  const r = (f: string) => readFileSync(join(into, f), 'utf8')
  return { ca: r('ca.pem'), cert: r('srv.pem'), key: r('srv.key') }
}

interface Proxy {
  url: string
  connects: string[]
  forwards: string[]
  close(): Promise<void>
}

/** A minimal forward proxy: CONNECT tunnels and absolute-form HTTP requests, counted. */
async function startProxy(): Promise<Proxy> {
  const connects: string[] = []
  const forwards: string[] = []
  const server: Server = createServer((req, res) => {
    forwards.push(`${req.method} ${req.url}`)
    const u = new URL(req.url!)
    const up = httpRequest(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: req.method,
        headers: req.headers
      },
      r => {
        res.writeHead(r.statusCode!, r.headers)
        r.pipe(res)
      }
    )
    up.on('error', () => res.destroy())
    req.pipe(up)
  })
  server.on('connect', (req, socket, head) => {
    connects.push(req.url!)
    const [host, port] = req.url!.split(':')
    const up = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      up.write(head)
      up.pipe(socket)
      socket.pipe(up)
    })
    up.on('error', () => socket.destroy())
    socket.on('error', () => up.destroy())
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    forwards,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

/** Builds a client with proxy variables set (undici reads them when the client is built). */
function withEnv<T>(env: Record<string, string | undefined>, fn: () => T): T {
  const names = ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'https_proxy', 'http_proxy', 'no_proxy']
  const saved = Object.fromEntries(names.map(n => [n, process.env[n]]))
  for (const n of names) delete process.env[n]
  Object.assign(process.env, env)
  try {
    return fn()
  } finally {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n]
      else process.env[n] = saved[n]
    }
  }
}

describe('TLS with a private CA', () => {
  let h: Harness
  let ca: string
  beforeAll(async () => {
    const certs = makeCerts(mkdtempSync(join(dir, 'ca-')))
    ca = certs.ca
    h = await startHarness({ tls: { cert: certs.cert, key: certs.key } })
  })
  afterAll(() => h.close())

  test('works with caCertificate', async () => {
    expect(h.sb.url).toMatch(/^https:/)
    const c = h.client({ caCertificate: ca })
    await expect(c.createTask({ activityLabel: 'deploy-bot' })).resolves.toMatchObject({
      state: 'START'
    })
  })

  test('fails by default with a clear TLS message, not retried', async () => {
    const c = h.client()
    const e = await failure(c.getVersion())
    expect(e).toBeInstanceOf(MaestroNetworkError)
    expect((e as MaestroNetworkError).attempts).toBe(1)
    expect(e.message).toMatch(
      /network error \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/
    )
    expect(e.message).toMatch(
      /TLS certificate is not trusted: give its CA bundle \(PEM\) with the caCertificate option/
    )
    expect(h.sleeps).toEqual([])
  })

  test('a wrong CA bundle still fails', async () => {
    const other = makeCerts(mkdtempSync(join(dir, 'ca2-')))
    await expect(h.client({ caCertificate: other.ca }).getVersion()).rejects.toThrow(/not trusted/)
  })

  test('works with insecureSkipTlsVerify, with a warning', async () => {
    h.logs.length = 0
    const c = h.client({ insecureSkipTlsVerify: true })
    await expect(c.getVersion()).resolves.toHaveProperty('version')
    expect(
      h.logs.filter(l => /^warning: TLS certificate verification is OFF/.test(l))
    ).toHaveLength(1)
  })

  test('through an HTTPS_PROXY tunnel, with the private CA still applied', async () => {
    const proxy = await startProxy()
    try {
      const c = withEnv({ HTTPS_PROXY: proxy.url }, () => h.client({ caCertificate: ca }))
      await c.createTask({ activityLabel: 'deploy-bot' })
      expect(proxy.connects.length).toBeGreaterThanOrEqual(1)
      expect(proxy.connects[0]).toBe(new URL(h.sb.url).host)
      const bad = withEnv({ HTTPS_PROXY: proxy.url }, () => h.client())
      await expect(bad.getVersion()).rejects.toThrow(/not trusted/)
      const insecure = withEnv({ HTTPS_PROXY: proxy.url }, () =>
        h.client({ insecureSkipTlsVerify: true })
      )
      await expect(insecure.getVersion()).resolves.toHaveProperty('version')
    } finally {
      await Promise.all(h.clients.map(x => x.close()))
      h.clients.length = 0
      await proxy.close()
    }
  })
})

describe('proxy', () => {
  let h: Harness
  let proxy: Proxy
  beforeAll(async () => {
    h = await startHarness()
    proxy = await startProxy()
  })
  afterAll(async () => {
    await h.close()
    await proxy.close()
  })

  test('HTTP_PROXY carries every request; NO_PROXY bypasses it', async () => {
    const c = withEnv({ HTTP_PROXY: proxy.url }, () => h.client())
    const t = await c.createTask({ activityLabel: 'deploy-bot' })
    await c.getTask(t.id)
    const through = proxy.connects.length + proxy.forwards.length
    expect(through).toBeGreaterThanOrEqual(1)
    const requests = await h.requests()
    expect(requests.filter(r => r.path.startsWith('/api/')).length).toBe(3)
    const before = proxy.connects.length + proxy.forwards.length
    const direct = withEnv({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }, () => h.client())
    await direct.getTask(t.id)
    expect(proxy.connects.length + proxy.forwards.length).toBe(before)
  })

  test('an unreachable proxy is a network error naming the cause', async () => {
    const c = withEnv({ HTTP_PROXY: 'http://127.0.0.1:9' }, () =>
      h.client({ retry: { attempts: 1 } })
    )
    const e = await failure(c.getVersion())
    expect(e).toBeInstanceOf(MaestroNetworkError)
    expect(e.message).toMatch(/ECONNREFUSED/)
  })
})

test('input errors carry the field', async () => {
  const { MaestroClient } = await import('../../src/maestro/index.js')
  expect(() => new MaestroClient({ server: 'ftp://x', login: 'a', key: 'k' })).toThrow(
    MaestroInputError
  )
})
