// Starts a sandbox and builds clients against it, recording every secret handed to onSecret,
// every log line and every sleep, so tests can assert delays and the absence of secrets.
import { expect } from '@jest/globals'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js'
import { MaestroClient, type MaestroClientOptions } from '../../src/maestro/index.js'

export interface Harness {
  sb: Sandbox
  secrets: Set<string>
  logs: string[]
  sleeps: number[]
  clients: MaestroClient[]
  client(extra?: Partial<MaestroClientOptions>): MaestroClient
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>
  fault(spec: Record<string, unknown>): Promise<void>
  requests(): Promise<SandboxRequest[]>
  state(): Promise<SandboxState>
  close(): Promise<void>
}

export interface SandboxRequest {
  seq: number
  method: string
  path: string
  status: number
  headers: Record<string, string>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SandboxState = Record<string, any[]>

export const CREDENTIAL_VALUE = 'vault-value-Zq9!xT4#-do-not-print'

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sb = await startSandbox({
    port: 0,
    control: true,
    login: 'acme',
    key: 'KEY-sandbox-9f8e7d6c5b4a',
    automations: ['deploy-bot', 'report-bot'],
    credentials: { erp: { username: 'robot', password: CREDENTIAL_VALUE } },
    ...options
  })
  const h: Harness = {
    sb,
    secrets: new Set([sb.key, CREDENTIAL_VALUE]),
    logs: [],
    sleeps: [],
    clients: [],
    client(extra = {}) {
      const c = new MaestroClient({
        server: sb.url,
        login: sb.login,
        key: sb.key,
        sleep: async ms => {
          h.sleeps.push(ms)
        },
        onSecret: v => h.secrets.add(v),
        logger: {
          debug: m => h.logs.push(`debug: ${m}`),
          info: m => h.logs.push(`info: ${m}`),
          warning: m => h.logs.push(`warning: ${m}`)
        },
        ...extra
      })
      h.clients.push(c)
      return c
    },
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const r = await fetch(`${sb.url}/_sandbox${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
      if (!r.ok) throw new Error(`control ${method} ${path}: ${r.status} ${await r.text()}`)
      const text = await r.text()
      return (text ? JSON.parse(text) : undefined) as T
    },
    async fault(spec) {
      await h.control('POST', '/faults', spec)
    },
    requests: () => h.control<SandboxRequest[]>('GET', '/requests'),
    state: () => h.control<SandboxState>('GET', '/state'),
    async close() {
      await Promise.all(h.clients.map(c => c.close()))
      await sb.close()
    }
  }
  return h
}

/** Asserts that no known secret appears in an error (message, fields, cause chain) or the logs. */
export function expectNoSecrets(h: Harness, error: unknown): void {
  const texts: string[] = [...h.logs]
  let e: unknown = error
  for (let i = 0; e && i < 5; i++) {
    if (e instanceof Error) {
      texts.push(e.message, String(e), e.stack ?? '')
      texts.push(JSON.stringify({ ...e }))
      e = (e as { cause?: unknown }).cause
    } else {
      texts.push(String(e))
      break
    }
  }
  const all = texts.join('\n')
  for (const s of h.secrets) {
    if (s.length < 4) continue
    expect(all.includes(s) ? `secret leaked: ${s.slice(0, 3)}…` : 'clean').toBe('clean')
  }
}

/** Awaits a promise that must reject; returns the error. */
export async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p
  } catch (e) {
    return e as Error
  }
  throw new Error('expected the call to fail')
}
