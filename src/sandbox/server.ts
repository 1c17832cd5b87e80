// The HTTP layer: routing, auth, the request log, fault injection and writing replies. Route
// handlers (routes/*.ts) only see a Ctx and return a Reply.
import Router from 'find-my-way'
import { createReadStream } from 'node:fs'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { PassThrough } from 'node:stream'
import type { Ctx, Handler, Method, On } from './context.js'
import { registerControl } from './control.js'
import { Faults, type Fault } from './faults.js'
import { FileStore } from './files.js'
import { HttpError, errorReply, json, springError, type Reply } from './http.js'
import { msg } from './messages.js'
import { registerApi } from './routes/index.js'
import { State } from './state.js'
import { Timers, sleep } from './timers.js'

export const API_PREFIX = '/api/v2'
const JSON_LIMIT = 10 * 1024 * 1024
/** The request log keeps the latest calls only, so a long-running demo does not grow forever. */
const MAX_RECORDS = 10_000
/**
 * Stored files are sent in 1 MiB reads, a sixteenth of the reads and socket writes of the 64 KiB
 * default. The sandbox usually shares the machine's cores with the client it serves (tests, the
 * demo, the transfer bench), and what it spends is taken from that client.
 */
const FILE_READ_CHUNK = 1024 * 1024
const REDACTED_HEADERS = new Set(['token', 'authorization', 'cookie'])

export interface RequestRecord {
  seq: number
  method: string
  path: string
  query: Record<string, string | string[]>
  status: number | null
  headers: Record<string, string | string[] | undefined>
  bodyBytes: number
  durationMs: number
  /** Arrival, in ms since the epoch (how long a client waited between two tries). */
  at: number
}

interface Route {
  handler: Handler
  auth: boolean
}

export interface AppOptions {
  state: State
  files: FileStore
  control: boolean
  version: string
}

/** Everything the sandbox knows, shared by the API routes and the control routes. */
export class App {
  readonly state: State
  readonly files: FileStore
  readonly version: string
  readonly faults = new Faults()
  readonly timers = new Timers()
  requests: RequestRecord[] = []
  private requestSeq = 0
  /** Tokens that expire once `remaining` more authenticated calls have been made. */
  private expiry: { remaining: number; tokens: Set<string> } | null = null
  // Labels in paths can be long; find-my-way's default cap (100) would turn them into 404s.
  private api = Router<Router.HTTPVersion.V1>({ ignoreTrailingSlash: true, maxParamLength: 2000 })
  private control = Router<Router.HTTPVersion.V1>({
    ignoreTrailingSlash: true,
    maxParamLength: 2000
  })
  private controlEnabled: boolean

  constructor(o: AppOptions) {
    this.state = o.state
    this.files = o.files
    this.version = o.version
    this.controlEnabled = o.control
    registerApi(this.on(this.api, API_PREFIX, true), this)
    registerControl(this.on(this.control, '/_sandbox', false), this)
  }

  private on(
    router: Router.Instance<Router.HTTPVersion.V1>,
    prefix: string,
    authDefault: boolean
  ): On {
    return (method, path, handler, opts) => {
      const route: Route = { handler, auth: opts?.auth ?? authDefault }
      router.on(method, prefix + path, () => undefined, route)
    }
  }

  expireTokens(afterCalls: number | null): void {
    const issued = new Set(this.state.tokens.keys())
    if (afterCalls === null || afterCalls <= 0) {
      for (const t of issued) this.state.tokens.delete(t)
      this.expiry = null
    } else {
      this.expiry = { remaining: afterCalls, tokens: issued }
    }
  }

  async resetAll(): Promise<void> {
    this.timers.clear()
    this.faults.clear()
    this.requests = []
    this.expiry = null
    this.state.reset()
    await this.files.clear()
  }

  /** The Node request listener. */
  handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.dispatch(req, res).catch(e => {
      // Only reached when writing itself failed (socket gone); nothing left to tell the client.
      if (!res.headersSent && !res.destroyed)
        writeReply(res, errorReply(500, String(e), req.url ?? ''))
    })
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now()
    const method = (req.method ?? 'GET').toUpperCase()
    // Prefixing (not resolving against a base) keeps '//x' a path instead of a host.
    const url = new URL(`http://sandbox${req.url?.startsWith('/') ? req.url : '/'}`)
    const path = url.pathname
    // Count request bytes on their way to whoever reads them (JSON parser, busboy, a fault).
    let bodyBytes = 0
    const body = new PassThrough()
    req.on('data', (c: Buffer) => (bodyBytes += c.length))
    req.pipe(body)
    req.on('close', () => {
      if (!req.complete) body.destroy(new Error('request aborted'))
    })
    res.on('finish', () => body.resume()) // drain what no handler read, so keep-alive continues

    const isControl = path === '/_sandbox' || path.startsWith('/_sandbox/')
    if (isControl) {
      const reply = this.controlEnabled
        ? await this.run(this.control, method, path, url, req, body)
        : errorReply(404, msg.notFoundRoute(method, path), path)
      writeReply(res, reply)
      return
    }

    if (!path.startsWith(API_PREFIX + '/')) {
      writeReply(res, errorReply(404, msg.notFoundRoute(method, path), path))
      return
    }
    // Listed from arrival (status null until answered; stays null when the connection broke).
    const record: RequestRecord = {
      seq: ++this.requestSeq,
      method,
      path,
      query: queryObject(url.searchParams),
      status: null,
      headers: redact(req.headers),
      bodyBytes: 0,
      durationMs: 0,
      at: Date.now()
    }
    this.requests.push(record)
    if (this.requests.length > MAX_RECORDS)
      this.requests.splice(0, this.requests.length - MAX_RECORDS)
    const settle = () => {
      if (res.writableFinished) record.status = res.statusCode
      record.bodyBytes = bodyBytes
      record.durationMs = Math.round((performance.now() - started) * 100) / 100
    }
    res.on('finish', settle)
    res.on('close', settle)

    const fault = this.faults.take(method, path)
    if (fault) {
      if (fault.delayMs) await sleep(fault.delayMs)
      if (await this.applyFault(fault, req, res, body, path)) return
    }
    const reply = await this.run(this.api, method, path, url, req, body)
    const cut = fault?.reset === 'during-response' ? 'reset' : fault?.truncate ? 'truncate' : null
    writeReply(res, reply, cut ? { mode: cut, afterBytes: fault?.afterBytes ?? 1024 } : undefined)
  }

  /** Faults that replace the handler entirely; returns true when the request is dealt with. */
  private async applyFault(
    fault: Fault,
    req: IncomingMessage,
    res: ServerResponse,
    body: PassThrough,
    path: string
  ): Promise<boolean> {
    if (fault.reset === 'before-response') {
      await drain(body)
      reset(req.socket)
      return true
    }
    if (fault.reset === 'during-request') {
      const limit = fault.afterBytes ?? 1024
      let seen = 0
      await new Promise<void>(resolve => {
        const done = () => {
          body.removeAllListeners('data')
          resolve()
        }
        body.on('data', (c: Buffer) => {
          seen += c.length
          if (seen >= limit) done()
        })
        body.once('end', done)
        body.once('error', done)
        body.resume()
      })
      reset(req.socket)
      return true
    }
    if (fault.status !== undefined) {
      await drain(body)
      const payload =
        fault.body === undefined ? springError(fault.status, msg.injectedFault, path) : fault.body
      const reply: Reply =
        typeof payload === 'string'
          ? {
              status: fault.status,
              kind: 'text',
              body: payload,
              contentType: 'text/plain; charset=utf-8'
            }
          : json(payload, fault.status)
      const headers: Record<string, string> = {}
      if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter
      if (fault.retryAfterDate !== undefined) {
        // Rounded up to the date's whole second, so a client waits at least what was asked.
        const at = Math.ceil((Date.now() + fault.retryAfterDate * 1000) / 1000) * 1000
        headers['Retry-After'] = new Date(at).toUTCString()
      }
      if (fault.location !== undefined) headers.Location = fault.location
      if (Object.keys(headers).length > 0) reply.headers = headers
      writeReply(res, reply)
      return true
    }
    return false
  }

  private async run(
    router: Router.Instance<Router.HTTPVersion.V1>,
    method: string,
    path: string,
    url: URL,
    req: IncomingMessage,
    body: PassThrough
  ): Promise<Reply> {
    try {
      const found = router.find(method as Router.HTTPMethod, path)
      const route = found?.store as Route | undefined
      // Like Spring Security: an unauthenticated call learns nothing, not even whether a route exists.
      if (!route || route.auth) {
        if (router === this.api) this.authenticate(req.headers)
      }
      if (!found || !route) {
        const other = (['GET', 'POST', 'PUT', 'DELETE'] as Method[]).some(
          m => m !== method && router.find(m, path)
        )
        if (other) throw new HttpError(405, msg.methodNotAllowed(method))
        throw new HttpError(404, msg.notFoundRoute(method, path))
      }
      const ctx: Ctx = {
        method,
        path,
        params: decodeParams(found.params),
        query: url.searchParams,
        headers: req.headers,
        state: this.state,
        timers: this.timers,
        json: () => readJson(body),
        upload: () => this.files.receive(req.headers, body),
        discard: f => this.files.remove(f)
      }
      return await route.handler(ctx)
    } catch (e) {
      if (e instanceof HttpError) return errorReply(e.status, e.message, path)
      return errorReply(500, `Sandbox error: ${(e as Error).message}`, path)
    }
  }

  private authenticate(headers: IncomingHttpHeaders): void {
    const authz = header(headers, 'authorization')
    const bearer =
      authz && /^bearer\s+/i.test(authz) ? authz.replace(/^bearer\s+/i, '').trim() : undefined
    const token = bearer ?? header(headers, 'token')
    const org = header(headers, 'organization')
    if (!token) throw new HttpError(401, msg.missingToken)
    // The official SDKs always send organization with the token header; Bearer may go alone.
    if (!bearer && !org) throw new HttpError(401, msg.missingToken)
    if (this.expiry && this.expiry.remaining <= 0) {
      for (const t of this.expiry.tokens) this.state.tokens.delete(t)
      this.expiry = null
    }
    const session = this.state.tokens.get(token)
    if (!session) throw new HttpError(401, msg.badToken)
    if (org && org !== session.login) throw new HttpError(401, msg.badOrganization(org))
    if (this.expiry) this.expiry.remaining--
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name]
  const s = Array.isArray(v) ? v[0] : v
  return s && s.trim() !== '' ? s.trim() : undefined
}

function redact(headers: IncomingHttpHeaders): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {}
  for (const [k, v] of Object.entries(headers)) out[k] = REDACTED_HEADERS.has(k) ? '[redacted]' : v
  return out
}

function queryObject(q: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const k of new Set(q.keys())) {
    const all = q.getAll(k)
    out[k] = all.length === 1 ? all[0] : all
  }
  return out
}

function decodeParams(params: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v
  return out
}

async function readJson(body: PassThrough): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const c of body as AsyncIterable<Buffer>) {
    size += c.length
    if (size > JSON_LIMIT) throw new HttpError(413, msg.bodyTooLarge(JSON_LIMIT))
    chunks.push(c)
  }
  const raw = Buffer.concat(chunks).toString('utf8')
  if (raw.trim() === '') throw new HttpError(400, msg.invalidJson)
  try {
    return JSON.parse(raw)
  } catch {
    throw new HttpError(400, msg.invalidJson)
  }
}

function drain(body: PassThrough): Promise<void> {
  return new Promise(resolve => {
    if (body.readableEnded || body.destroyed) return resolve()
    body.once('end', resolve)
    body.once('error', () => resolve())
    body.resume()
  })
}

/** RST, not FIN: the client sees ECONNRESET, like a proxy or server crash. */
function reset(socket: Socket): void {
  // A TLS socket cannot send RST itself; the TCP socket under it (Node keeps it as _parent) can.
  const tcp = (socket as Socket & { _parent?: Socket })._parent ?? socket
  try {
    tcp.resetAndDestroy()
  } catch {
    tcp.destroy()
  }
  socket.destroy()
}

interface Cut {
  mode: 'reset' | 'truncate'
  afterBytes: number
}

/** Writes a Reply; with a Cut, sends only part of the body and then breaks the connection. */
export function writeReply(res: ServerResponse, reply: Reply, cut?: Cut): void {
  const headers: Record<string, string | number> = { ...(reply.headers ?? {}) }
  let buf: Buffer | null = null
  let length: number
  switch (reply.kind) {
    case 'json':
      buf = Buffer.from(JSON.stringify(reply.body))
      headers['Content-Type'] = 'application/json'
      break
    case 'text':
      buf = Buffer.from(reply.body, 'utf8')
      headers['Content-Type'] = reply.contentType
      break
    case 'empty':
      buf = Buffer.alloc(0)
      break
    case 'file':
      headers['Content-Type'] = reply.contentType
      break
  }
  length = buf ? buf.length : reply.kind === 'file' ? reply.size : 0
  headers['Content-Length'] = length
  if (reply.status === 204) {
    delete headers['Content-Length']
    length = 0
  }
  res.writeHead(reply.status, headers)

  if (!cut) {
    if (buf) res.end(buf)
    else if (reply.kind === 'file') {
      const src = createReadStream(reply.path, { highWaterMark: FILE_READ_CHUNK })
      src.on('error', () => res.destroy())
      src.pipe(res)
    }
    return
  }
  // during-response always cuts before the end, so the fault shows even on a short body.
  const n =
    cut.mode === 'truncate'
      ? Math.floor(length / 2)
      : Math.min(cut.afterBytes, Math.max(length - 1, 0))
  const socket = res.socket
  const breakIt = () =>
    // A short pause lets the partial bytes reach the client before the connection breaks.
    setTimeout(() => {
      if (!socket || socket.destroyed) return
      if (cut.mode === 'reset') reset(socket)
      else socket.end()
    }, 100)
  if (n === 0) {
    res.flushHeaders()
    breakIt()
  } else if (buf) {
    res.write(buf.subarray(0, n), breakIt)
  } else if (reply.kind === 'file') {
    const src = createReadStream(reply.path, { start: 0, end: n - 1 })
    src.on('error', () => res.destroy())
    src.on('end', breakIt)
    src.pipe(res, { end: false })
  }
}
