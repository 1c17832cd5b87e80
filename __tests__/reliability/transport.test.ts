// Transport security, through the built bundles: TLS verification on by default (and the ways to
// trust a private server), a warning when the key would travel in clear, and no redirect carrying
// the key or the token to another host.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { recordReliability } from '../support/reliability.js'
import { actionDir, commandsOf, runStep, type RunResult } from '../support/runner.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'

// A self-signed certificate for localhost and 127.0.0.1, valid until 2126 (test-only).
const fixture = (name: string) =>
  readFileSync(new URL(`../sandbox/fixtures/${name}`, import.meta.url), 'utf8')
const CERT = fixture('localhost-cert.pem')
const CERT_KEY = fixture('localhost-key.pem')

const CREATE = actionDir('create-task')
const createInputs = { 'activity-label': 'demo-bot' }

let workspace: string
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'transport-'))
  writeFileSync(join(workspace, 'ca.pem'), CERT)
})

const warnings = (r: RunResult) => commandsOf(r, 'warning').map(c => c.data)
const errorOf = (r: RunResult) => commandsOf(r, 'error').map(c => c.data)

/** Records a transport case (a fault the action must handle right) and returns whether it held. */
function record(name: string, ok: boolean): boolean {
  recordReliability('fault', `transport: ${name}`, ok)
  return ok
}

describe('TLS', () => {
  let sb: TestSandbox
  beforeAll(async () => {
    sb = await startTestSandbox({ tls: { cert: CERT, key: CERT_KEY } })
  })
  afterAll(() => sb?.close())
  const step = (inputs: Record<string, string> = {}) =>
    runStep({ actionDir: CREATE, workspace, inputs: { ...createInputs, ...inputs }, env: sb.env })

  it('verifies by default: a self-signed server fails, and the message names both inputs', async () => {
    expect(sb.url).toMatch(/^https:\/\/127\.0\.0\.1:/)
    const r = await step()
    const errors = errorOf(r)
    const requests = await sb.requests()
    const ok = record(
      'self-signed certificate refused by default',
      r.exitCode === 1 &&
        errors.length === 1 &&
        /'ca-certificate'/.test(errors[0]) &&
        /'insecure-skip-tls-verify/.test(errors[0]) &&
        requests.length === 0
    )
    expect(r.exitCode).toBe(1)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/TLS certificate is not trusted/)
    expect(errors[0]).toMatch(/'ca-certificate'/)
    expect(errors[0]).toMatch(/'insecure-skip-tls-verify/)
    // the handshake failed: no request was ever read by the server
    expect(requests).toEqual([])
    expect(ok).toBe(true)
  })

  it('works with ca-certificate, as a path or as PEM text, without a warning', async () => {
    for (const ca of ['ca.pem', CERT]) {
      const r = await step({ 'ca-certificate': ca })
      expect(errorOf(r)).toEqual([])
      expect(r.exitCode).toBe(0)
      expect(r.outputs['task-id']).toMatch(/^\d+$/)
      expect(warnings(r)).toEqual([])
    }
  })

  it('works with insecure-skip-tls-verify, with one warning', async () => {
    const r = await step({ 'insecure-skip-tls-verify': 'true' })
    expect(r.exitCode).toBe(0)
    const tls = warnings(r).filter(w => /TLS/.test(w))
    expect(tls).toHaveLength(1)
    expect(tls[0]).toMatch(/'ca-certificate'/)
  })
})

/** A forward proxy: sends every request and tunnel to `target`, whatever host was asked for. */
async function startProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const to = new URL(target)
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const up = request(
      {
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: url.pathname + url.search,
        headers: req.headers
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    up.on('error', () => res.destroy())
    req.pipe(up)
  })
  // undici tunnels even plain http through CONNECT
  server.on('connect', (_req, socket: Socket, head: Buffer) => {
    const up = connect(Number(to.port), to.hostname, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      up.write(head)
      up.pipe(socket)
      socket.pipe(up)
    })
    up.on('error', () => socket.destroy())
    socket.on('error', () => up.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
}

describe('plain http', () => {
  let sb: TestSandbox
  beforeAll(async () => {
    sb = await startTestSandbox()
  })
  afterAll(() => sb?.close())

  it('warns that the key travels in clear to a server that is not loopback', async () => {
    const proxy = await startProxy(sb.url)
    try {
      // maestro.example is reached through the proxy: a non-loopback name, served by the sandbox.
      const r = await runStep({
        actionDir: CREATE,
        workspace,
        inputs: createInputs,
        env: { ...sb.env, BOTCITY_SERVER: 'http://maestro.example', HTTP_PROXY: proxy.url }
      })
      const clear = warnings(r).filter(w => /plain http/.test(w))
      const ok = record('plain http to a remote host warns', r.exitCode === 0 && clear.length === 1)
      expect(r.exitCode).toBe(0)
      expect(clear).toHaveLength(1)
      expect(clear[0]).toMatch(/key and access token travel unencrypted/)
      expect(ok).toBe(true)
    } finally {
      await proxy.close()
    }
  })

  it('does not warn for loopback', async () => {
    const r = await runStep({ actionDir: CREATE, workspace, inputs: createInputs, env: sb.env })
    expect(r.exitCode).toBe(0)
    expect(warnings(r)).toEqual([])
  })
})

describe('redirects', () => {
  let sb: TestSandbox
  let elsewhere: Server
  let elsewhereUrl: string
  const arrived: IncomingHttpHeaders[] = []
  beforeAll(async () => {
    sb = await startTestSandbox()
    // Another host: records whatever reaches it.
    elsewhere = createServer((req, res) => {
      arrived.push(req.headers)
      req.resume()
      res.end('{}')
    })
    await new Promise<void>(resolve => elsewhere.listen(0, '127.0.0.1', resolve))
    elsewhereUrl = `http://localhost:${(elsewhere.address() as { port: number }).port}`
  })
  afterAll(async () => {
    await sb?.close()
    await new Promise<void>(resolve => elsewhere.close(() => resolve()))
  })

  for (const [what, path, method] of [
    ['the login (the key in its body)', '/api/v2/workspace/login', 'POST'],
    ['a call with the token', '/api/v2/task', 'POST']
  ] as const) {
    for (const status of [302, 307]) {
      it(`a ${status} on ${what} to another host is not followed`, async () => {
        arrived.length = 0
        await sb.clearFaults()
        await sb.fault({ method, path, status, location: `${elsewhereUrl}${path}`, times: 0 })
        const r = await runStep({ actionDir: CREATE, workspace, inputs: createInputs, env: sb.env })
        await sb.clearFaults()
        const errors = errorOf(r)
        const host = new URL(elsewhereUrl).host
        const ok = record(
          `${status} redirect of ${what} not followed`,
          r.exitCode === 1 && errors.length === 1 && arrived.length === 0
        )
        expect(arrived).toEqual([])
        expect(r.exitCode).toBe(1)
        expect(errors).toHaveLength(1)
        expect(errors[0]).toContain(`redirected to ${host}`)
        expect(ok).toBe(true)
      })
    }
  }
})
