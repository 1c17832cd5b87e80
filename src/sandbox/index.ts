// startSandbox(): a Maestro-compatible server on loopback for tests, the demo and experiments.
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FileStore } from './files.js'
import { App } from './server.js'
import { State } from './state.js'

export interface SandboxOptions {
  host?: string
  port?: number
  login?: string
  key?: string
  automations?: string[]
  credentials?: Record<string, Record<string, string>>
  bots?: { botId: string; version: string; technology?: string }[]
  dataDir?: string
  control?: boolean
  tls?: { cert: string; key: string }
  version?: string
}

export interface Sandbox {
  url: string
  login: string
  key: string
  dataDir: string
  close(): Promise<void>
}

/** A version at or above every feature gate the official SDKs check (datapools need 3.0.2). */
export const DEFAULT_VERSION = '3.2.0'

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1'
  const login = options.login ?? 'sandbox'
  const key = options.key ?? randomBytes(18).toString('base64url')
  const ownDir = options.dataDir === undefined
  const dataDir = ownDir
    ? await mkdtemp(join(tmpdir(), 'maestro-sandbox-'))
    : resolve(options.dataDir!)
  const files = new FileStore(dataDir)
  await files.init()
  const state = new State({
    login,
    key,
    automations: options.automations ?? ['demo-bot'],
    credentials: options.credentials ?? {},
    bots: options.bots ?? []
  })
  const app = new App({
    state,
    files,
    control: options.control ?? false,
    version: options.version ?? DEFAULT_VERSION
  })
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, app.handle)
    : createHttpServer(app.handle)
  server.requestTimeout = 0 // big uploads may take longer than Node's default 5 minutes

  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail)
      server.listen(options.port ?? 0, host, () => {
        server.off('error', fail)
        ok()
      })
    })
  } catch (e) {
    // Port taken, bad host: leave no temp folder behind.
    if (ownDir) await rm(dataDir, { recursive: true, force: true })
    throw e
  }
  const { port } = server.address() as AddressInfo
  const urlHost = host.includes(':') ? `[${host}]` : host
  let closing: Promise<void> | null = null

  return {
    url: `${options.tls ? 'https' : 'http'}://${urlHost}:${port}`,
    login,
    key,
    dataDir,
    close() {
      closing ??= (async () => {
        app.timers.clear()
        await new Promise<void>(ok => {
          server.close(() => ok())
          server.closeAllConnections()
        })
        if (ownDir) await rm(dataDir, { recursive: true, force: true })
      })()
      return closing
    }
  }
}
