import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:https'
import { startSandbox } from '../../src/sandbox/index.js'
import { harness, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness({ login: 'acme', key: 'k3y-for-tests' })
})
afterAll(() => h.sb.close())

describe('version', () => {
  it('needs no token and reports a version that enables every SDK feature', async () => {
    const r = await h.call('GET', '/api/v2/maestro/version', undefined, {})
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ version: '3.2.0' })
  })

  it('reports the configured version', async () => {
    const sb = await startSandbox({ version: '2.9.9' })
    try {
      const r = await fetch(`${sb.url}/api/v2/maestro/version`)
      expect(await r.json()).toEqual({ version: '2.9.9' })
    } finally {
      await sb.close()
    }
  })
})

describe('login', () => {
  it('returns a token and the organization label', async () => {
    const r = await h.call(
      'POST',
      '/api/v2/workspace/login',
      { login: 'acme', key: 'k3y-for-tests' },
      {}
    )
    expect(r.status).toBe(200)
    expect(r.body.organizationLabel).toBe('acme')
    expect(typeof r.body.accessToken).toBe('string')
    expect(r.body.accessToken.length).toBeGreaterThan(16)
  })

  it.each([[{ login: 'acme', key: 'wrong' }], [{ login: 'other', key: 'k3y-for-tests' }]])(
    'rejects bad credentials with a Spring-style 401 (%j)',
    async body => {
      const r = await h.call('POST', '/api/v2/workspace/login', body, {})
      expect(r.status).toBe(401)
      expect(r.body).toMatchObject({
        status: 401,
        error: 'Unauthorized',
        path: '/api/v2/workspace/login'
      })
      expect(r.body.message).toMatch(/login or key/)
      expect(typeof r.body.timestamp).toBe('string')
    }
  )

  it('400s on missing fields and malformed JSON', async () => {
    const missing = await h.call('POST', '/api/v2/workspace/login', { login: 'acme' }, {})
    expect(missing.status).toBe(400)
    expect(missing.body.message).toMatch(/'key'/)
    const malformed = await h.call('POST', '/api/v2/workspace/login', '{"login":', {
      'content-type': 'application/json'
    })
    expect(malformed.status).toBe(400)
    expect(malformed.body.message).toMatch(/JSON/)
  })
})

describe('authentication', () => {
  const path = '/api/v2/task/1'

  it('401s without a token', async () => {
    const r = await h.call('GET', path, undefined, {})
    expect(r.status).toBe(401)
    expect(r.body.path).toBe(path)
  })

  it('401s on an unknown token, even for an unknown route', async () => {
    const r = await h.call('GET', path, undefined, { token: 'nope', organization: 'acme' })
    expect(r.status).toBe(401)
    const r2 = await h.call('GET', '/api/v2/nowhere', undefined, {
      token: 'nope',
      organization: 'acme'
    })
    expect(r2.status).toBe(401)
  })

  it('401s when the organization header is missing or wrong', async () => {
    expect((await h.call('GET', path, undefined, { token: h.token })).status).toBe(401)
    expect(
      (await h.call('GET', path, undefined, { token: h.token, organization: 'x' })).status
    ).toBe(401)
  })

  it('accepts token + organization and Authorization: Bearer', async () => {
    // 404 (task unknown) proves the call got past authentication.
    expect((await h.call('GET', path, undefined, h.auth)).status).toBe(404)
    const bearer = await h.call('GET', path, undefined, { authorization: `Bearer ${h.token}` })
    expect(bearer.status).toBe(404)
    expect(bearer.body.message).toBe('Task 1 not found')
  })

  it('404s on unknown routes and 405s on a wrong method, once authenticated', async () => {
    const r = await h.call('GET', '/api/v2/nowhere')
    expect(r.status).toBe(404)
    const m = await h.call('PUT', '/api/v2/task')
    expect(m.status).toBe(405)
  })

  it('serves no /_sandbox routes unless control is on', async () => {
    const sb = await startSandbox()
    try {
      const r = await fetch(`${sb.url}/_sandbox/state`)
      expect(r.status).toBe(404)
      expect(sb.key.length).toBeGreaterThan(10)
    } finally {
      await sb.close()
    }
  })
})

describe('tls and paths', () => {
  it('serves https when given a certificate, resets included', async () => {
    const fixture = (name: string) =>
      readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
    const cert = fixture('localhost-cert.pem')
    const sb = await startSandbox({
      control: true,
      tls: { cert, key: fixture('localhost-key.pem') }
    })
    const call = (method: string, path: string, body?: string) =>
      new Promise<{ status?: number; text: string; error?: NodeJS.ErrnoException }>(resolve => {
        const req = request(
          `${sb.url}${path}`,
          {
            method,
            ca: cert,
            agent: false,
            headers: body ? { 'content-type': 'application/json' } : {}
          },
          res => {
            let text = ''
            res.on('data', c => (text += c))
            res.on('end', () => resolve({ status: res.statusCode, text }))
          }
        )
        req.on('error', error => resolve({ text: '', error }))
        req.end(body)
      })
    try {
      expect(sb.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      const ok = await call('GET', '/api/v2/maestro/version')
      expect(ok.status).toBe(200)
      expect(JSON.parse(ok.text)).toEqual({ version: '3.2.0' })
      const fault = JSON.stringify({ path: '/api/v2/maestro/version', reset: 'before-response' })
      expect((await call('POST', '/_sandbox/faults', fault)).status).toBe(201)
      // A reset is a real RST under TLS too, not a clean close.
      const broken = await call('GET', '/api/v2/maestro/version')
      expect(broken.error?.code).toBe('ECONNRESET')
      expect(broken.error?.message).not.toMatch(/hang up/)
    } finally {
      await sb.close()
    }
  })

  it('removes its own temp data folder on close, keeps a given one', async () => {
    const own = await startSandbox()
    expect(existsSync(own.dataDir)).toBe(true)
    await own.close()
    expect(existsSync(own.dataDir)).toBe(false)
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-given-'))
    try {
      const given = await startSandbox({ dataDir: dir })
      expect(given.dataDir).toBe(dir)
      await given.close()
      expect(existsSync(dir)).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('rejects when the port is taken', async () => {
    const port = Number(new URL(h.sb.url).port)
    await expect(startSandbox({ port })).rejects.toThrow(/EADDRINUSE/)
  })

  it('404s outside /api/v2 without asking for a token', async () => {
    const r = await h.call('GET', '/favicon.ico', undefined, {})
    expect(r.status).toBe(404)
    expect(r.body.path).toBe('/favicon.ico')
  })

  it('routes long labels', async () => {
    const label = 'l'.repeat(300)
    const r = await h.call('GET', `/api/v2/log/${label}`)
    expect(r.status).toBe(404)
    expect(r.body.message).toContain(label)
  })
})
