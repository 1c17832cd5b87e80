// Transport: one keep-alive dispatcher per client, authentication (lazy login, one re-login on
// 401), retries through retry.ts, deadlines, redirects refused, errors built and redacted here.

import { readFileSync } from 'node:fs'
import * as tls from 'node:tls'
// undici's index, not its files: the index is what adds request() and connect() to every
// dispatcher, and the proxy agent's own client needs connect() (a deep import broke proxies).
import { EnvHttpProxyAgent, type Dispatcher } from 'undici'
import {
  describeErrorBody,
  hintForStatus,
  MaestroError,
  MaestroHttpError,
  MaestroInputError,
  MaestroNetworkError
} from './errors.js'
import type { LoginResponse } from './models.js'
import type { PreparedUpload } from './multipart.js'
import type { Redactor } from './redact.js'
import {
  decideRetry,
  FATAL_CODES,
  NEVER_SENT_CODES,
  parseRetryAfter,
  type Idempotency,
  type Outcome,
  type RetrySettings
} from './retry.js'
import type { NormalizedServer } from './url.js'

/** How a caller's users set caCertificate / insecureSkipTlsVerify, as messages should name them. */
export interface TlsOptionNames {
  caCertificate?: string
  insecureSkipTlsVerify?: string
}

export const DEFAULT_TLS_OPTION_NAMES: Required<TlsOptionNames> = {
  caCertificate: 'the caCertificate option',
  insecureSkipTlsVerify: 'insecureSkipTlsVerify'
}

export interface Logger {
  debug(msg: string): void
  info(msg: string): void
  warning(msg: string): void
}

export interface TransportOptions {
  server: NormalizedServer
  login: string
  key?: string
  accessToken?: string
  /** Replaces the generic hint of a 401 on the caller's token when no key can renew it. */
  expiredTokenHint?: string
  caCertificate?: string
  insecureSkipTlsVerify?: boolean
  tlsOptionNames: Required<TlsOptionNames>
  timeoutMs: number
  transferMinBytesPerSecond: number
  retry: RetrySettings
  sleep: (ms: number) => Promise<void>
  random: () => number
  onSecret: (value: string) => void
  logger: Logger
  userAgent: string
  redactor: Redactor
}

/** A 2xx answer handed to a reader. */
export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Dispatcher.ResponseData['body']
  /** Lengthens the call's deadline (downloads learn their size from the headers). */
  extendDeadline(totalMs: number): void
}

export type Reader<T> = 'json' | 'text' | 'none' | ((answer: Answer) => Promise<T>)

export interface RequestSpec<T> {
  /** What the call does, for messages: "create task for automation 'x'". */
  operation: string
  method: 'GET' | 'POST' | 'DELETE' | 'PUT'
  /** Path after the server URL, segments already encoded: `/api/v2/task/12`. */
  path: string
  query?: Record<string, string | number | boolean | null | undefined>
  json?: unknown
  upload?: PreparedUpload
  /** Default true: send `token` and `organization`, logging in first if needed. */
  auth?: boolean
  idempotency: Idempotency
  /** Names what a 404 refers to: "automation 'x'". */
  notFound?: string
  read: Reader<T>
  /** Statuses besides 2xx that the reader accepts (e.g. 204 for an empty pull is 2xx anyway). */
  accept?: number[]
  /** Deadline of one attempt; default timeoutMs, or the transfer budget for an upload. */
  timeoutMs?: number
}

class DeadlineError extends Error {
  readonly code = 'TIMEOUT'
  constructor(ms: number) {
    super(`no complete answer within ${formatMs(ms)}`)
    this.name = 'DeadlineError'
  }
}

/** Marks an HTTP failure inside the retry loop (not thrown to callers). */
class StatusFailure {
  constructor(
    readonly status: number,
    readonly error: MaestroHttpError,
    readonly retryAfterMs: number | undefined
  ) {}
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`
}

/** The first error code found on an error, its causes, or an AggregateError's members. */
export function errorCode(e: unknown, depth = 0): string | undefined {
  if (!e || typeof e !== 'object' || depth > 5) return undefined
  const o = e as { code?: unknown; cause?: unknown; errors?: unknown }
  if (typeof o.code === 'string' && o.code) {
    // undici wraps some socket errors; prefer the system code underneath.
    if (o.code.startsWith('UND_ERR_') && o.code !== 'UND_ERR_CONNECT_TIMEOUT') {
      const inner = errorCode(o.cause, depth + 1)
      if (inner && !inner.startsWith('UND_ERR_')) return inner
    }
    return o.code
  }
  if (Array.isArray(o.errors))
    for (const x of o.errors) {
      const c = errorCode(x, depth + 1)
      if (c) return c
    }
  return errorCode(o.cause, depth + 1)
}

function networkHint(
  code: string,
  insecure: boolean,
  names: Required<TlsOptionNames>
): string | undefined {
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME/.test(code))
    return insecure
      ? undefined
      : `the server's TLS certificate is not trusted: give its CA bundle (PEM) with ${names.caCertificate}, or, only for a test server, skip verification with ${names.insecureSkipTlsVerify}.`
  if (code === 'ECONNREFUSED') return 'nothing listens at the server URL; check the host and port.'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return 'the server host name does not resolve; check the server URL.'
  if (code === 'TIMEOUT' || code.includes('TIMEOUT'))
    return 'Maestro did not answer in time; check the network or raise the timeout.'
  if (
    code === 'TRUNCATED' ||
    code === 'UND_ERR_SOCKET' ||
    code === 'ECONNRESET' ||
    code.includes('CONTENT_LENGTH')
  )
    return 'the connection was cut; check the network or a proxy between here and Maestro.'
  return undefined
}

/** Added to the hint of a create (or a one-shot upload) that broke after it was sent. */
export const MAYBE_DONE_HINT =
  'The request was sent before it broke, so Maestro may have carried it out anyway: check there before running this step again.'

/** Builds the CA list for an extra PEM bundle: Node's roots + NODE_EXTRA_CA_CERTS + the bundle. */
function caList(extraPem: string): string[] {
  const getCa = (tls as unknown as { getCACertificates?: (t: string) => string[] })
    .getCACertificates
  const base = typeof getCa === 'function' ? getCa('default') : [...tls.rootCertificates]
  if (typeof getCa !== 'function' && process.env.NODE_EXTRA_CA_CERTS) {
    try {
      base.push(readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8'))
    } catch {
      // unreadable NODE_EXTRA_CA_CERTS: Node itself only warns too
    }
  }
  return [...base, extraPem]
}

export class Transport {
  readonly #o: TransportOptions
  readonly #dispatcher: Dispatcher & { close(): Promise<void> }
  #token: string | undefined
  readonly #tokenFromCaller: boolean
  #loginInFlight: Promise<LoginResponse> | undefined

  constructor(o: TransportOptions) {
    this.#o = o
    this.#token = o.accessToken || undefined
    this.#tokenFromCaller = Boolean(o.accessToken)
    const tlsOptions: tls.ConnectionOptions = {}
    if (o.caCertificate) tlsOptions.ca = caList(o.caCertificate)
    if (o.insecureSkipTlsVerify) tlsOptions.rejectUnauthorized = false
    // EnvHttpProxyAgent honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY. `connect` is the TLS of direct
    // connections, `requestTls` of the tunnel through a proxy, `proxyTls` of an https proxy.
    // NO_PROXY is read now, like the proxy variables (undici would re-read it on every request).
    this.#dispatcher = new EnvHttpProxyAgent({
      noProxy: process.env.no_proxy ?? process.env.NO_PROXY ?? '',
      connect: tlsOptions,
      requestTls: tlsOptions,
      proxyTls: o.caCertificate ? { ca: tlsOptions.ca } : undefined,
      keepAliveTimeout: 4_000,
      connections: 16
    })
  }

  get accessToken(): string | undefined {
    return this.#token
  }

  get transferMinBytesPerSecond(): number {
    return this.#o.transferMinBytesPerSecond
  }

  get timeoutMs(): number {
    return this.#o.timeoutMs
  }

  /** Budget for moving `size` bytes: the base timeout plus size at the minimum throughput. */
  transferBudgetMs(size: number): number {
    return this.#o.timeoutMs + Math.ceil((size / this.#o.transferMinBytesPerSecond) * 1000)
  }

  async close(): Promise<void> {
    await this.#dispatcher.close()
  }

  async login(): Promise<LoginResponse> {
    const { login, key, server } = this.#o
    const operation = `log in to ${server.baseUrl} as '${login}'`
    if (!key) throw new MaestroInputError('key', 'A workspace key is needed to log in.', operation)
    const response = await this.request<LoginResponse>({
      operation,
      method: 'POST',
      path: '/api/v2/workspace/login',
      json: { login, key },
      auth: false,
      idempotency: 'idempotent',
      notFound: `the login endpoint (is ${server.baseUrl} the Maestro address, without /api/v2?)`,
      read: async answer => {
        const parsed = (await readJson(answer, operation)) as Partial<LoginResponse> | undefined
        const token = parsed?.accessToken
        if (typeof token !== 'string' || !token)
          throw new MaestroError(`Could not ${operation}: the answer has no accessToken.`, {
            operation
          })
        // First thing done with a new token: hand it over for masking, and learn to redact it.
        this.#o.onSecret(token)
        this.#o.redactor.add(token)
        return parsed as LoginResponse
      }
    })
    this.#token = response.accessToken
    return response
  }

  async #ensureToken(): Promise<string> {
    if (this.#token) return this.#token
    if (!this.#o.key)
      throw new MaestroInputError(
        'key',
        'Give a workspace key or an access token to call Maestro.',
        'authenticate'
      )
    if (!this.#loginInFlight) {
      this.#loginInFlight = this.login().finally(() => {
        this.#loginInFlight = undefined
      })
    }
    await this.#loginInFlight
    return this.#token as unknown as string
  }

  /** Sends one call with retries, re-login and deadline; returns what `spec.read` makes of a 2xx. */
  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const o = this.#o
    const auth = spec.auth !== false
    const idempotency: Idempotency =
      spec.upload && !spec.upload.replayable ? 'once' : spec.idempotency
    let attempt = 0
    let reloggedIn = false
    for (;;) {
      attempt++
      const token = auth ? await this.#ensureToken() : undefined
      let outcome: Outcome
      let failure: MaestroError
      try {
        const result = await this.#attempt(spec, token, attempt)
        if (!(result instanceof StatusFailure)) return result.value
        if (result.status === 401 && auth && !reloggedIn && o.key) {
          // An expired (or foreign) token: log in again once and send the call once more.
          reloggedIn = true
          if (this.#token === token) this.#token = undefined
          o.logger.debug(`${spec.operation}: HTTP 401, logging in again`)
          if (spec.upload && !spec.upload.replayable) throw result.error
          attempt--
          continue
        }
        outcome = { kind: 'status', status: result.status, retryAfterMs: result.retryAfterMs }
        failure = result.error
      } catch (e) {
        if (e instanceof MaestroError) throw e
        const code = errorCode(e) ?? 'UNKNOWN'
        const detail = o.redactor.redact(e instanceof Error ? e.message || String(e) : String(e))
        outcome = { kind: 'network', code }
        // A create whose answer was lost may have been carried out: saying only "the connection was
        // cut" invites a re-run that makes a second task or alert.
        const maybeDone =
          idempotency !== 'idempotent' && !NEVER_SENT_CODES.has(code) && !FATAL_CODES.has(code)
        const hint = [
          networkHint(code, Boolean(o.insecureSkipTlsVerify), o.tlsOptionNames),
          maybeDone ? MAYBE_DONE_HINT : undefined
        ].filter(Boolean)
        failure = new MaestroNetworkError({
          operation: spec.operation,
          code,
          detail,
          attempts: attempt,
          hint: hint.length > 0 ? hint.join(' ') : undefined,
          cause: e
        })
      }
      const decision = decideRetry(idempotency, outcome, attempt, o.retry, o.random)
      if (!decision.retry) {
        if (decision.reason) o.logger.warning(`${spec.operation}: not retried: ${decision.reason}.`)
        throw failure
      }
      const what = outcome.kind === 'status' ? `HTTP ${outcome.status}` : outcome.code
      o.logger.info(
        `${spec.operation}: attempt ${attempt} of ${o.retry.attempts} failed (${what}); retrying in ${formatMs(decision.delayMs)}.`
      )
      await o.sleep(decision.delayMs)
    }
  }

  async #attempt<T>(
    spec: RequestSpec<T>,
    token: string | undefined,
    attempt: number
  ): Promise<{ value: T } | StatusFailure> {
    const o = this.#o
    const path = o.server.pathPrefix + spec.path + queryString(spec.query)
    const headers: Record<string, string> = {
      'user-agent': o.userAgent,
      accept: spec.read === 'json' ? 'application/json' : '*/*'
    }
    if (token) {
      headers.token = token
      headers.organization = o.login
    }
    let body: string | AsyncIterable<Uint8Array> | undefined
    if (spec.upload) {
      headers['content-type'] = spec.upload.contentType
      // Unknown length (a re-openable stream): no header, undici sends it chunked.
      if (spec.upload.contentLength !== undefined)
        headers['content-length'] = String(spec.upload.contentLength)
      // The iterable itself, not a Readable: undici then asks for a chunk only once the socket
      // drained the last one, which multipart.ts readInPlace relies on to reuse its buffer.
      body = spec.upload.body()
    } else if (spec.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(spec.json)
    }
    const baseMs =
      spec.timeoutMs ?? (spec.upload ? this.transferBudgetMs(spec.upload.budgetSize) : o.timeoutMs)
    const controller = new AbortController()
    const started = Date.now()
    let deadlineMs = baseMs
    let timer = setTimeout(() => controller.abort(new DeadlineError(deadlineMs)), deadlineMs)
    const extendDeadline = (totalMs: number): void => {
      if (totalMs <= deadlineMs) return
      deadlineMs = totalMs
      clearTimeout(timer)
      timer = setTimeout(
        () => controller.abort(new DeadlineError(deadlineMs)),
        Math.max(0, deadlineMs - (Date.now() - started))
      )
    }
    try {
      let res: Dispatcher.ResponseData
      try {
        res = await (
          this.#dispatcher.request as (
            o: Dispatcher.RequestOptions
          ) => Promise<Dispatcher.ResponseData>
        ).call(this.#dispatcher, {
          origin: o.server.origin,
          path,
          method: spec.method,
          headers,
          // undici sends async iterables (client-h1 writeIterable); its types lag behind.
          body: body as Dispatcher.RequestOptions['body'],
          signal: controller.signal,
          headersTimeout: baseMs,
          bodyTimeout: o.timeoutMs
        })
      } catch (e) {
        throw controller.signal.aborted ? controller.signal.reason : e
      }
      o.logger.debug(
        o.redactor.redact(
          `${spec.method} ${path} -> ${res.statusCode} in ${Date.now() - started} ms (attempt ${attempt})`
        )
      )
      const status = res.statusCode
      if ((status >= 200 && status < 300) || spec.accept?.includes(status)) {
        const answer: Answer = { status, headers: res.headers, body: res.body, extendDeadline }
        try {
          return { value: (await read(spec.read, answer, spec.operation)) as T }
        } catch (e) {
          res.body.destroy()
          throw controller.signal.aborted && !(e instanceof MaestroError)
            ? controller.signal.reason
            : e
        }
      }
      const text = await readLimited(res.body, 64 * 1024)
      return this.#statusFailure(spec, status, res.headers, text, attempt)
    } finally {
      clearTimeout(timer)
    }
  }

  #statusFailure(
    spec: RequestSpec<unknown>,
    status: number,
    headers: Record<string, string | string[] | undefined>,
    text: string,
    attempt: number
  ): StatusFailure {
    const o = this.#o
    const contentType = String(headers['content-type'] ?? '')
    // Secrets go before the body is cut to a snippet and its whitespace collapsed: a secret cut in
    // half, or with its spacing changed, would no longer match afterwards.
    let serverMessage = describeErrorBody(o.redactor.redact(text), contentType)
    let hint = hintForStatus(status, {
      notFound: spec.notFound,
      tokenFromCaller: this.#tokenFromCaller,
      keyAvailable: Boolean(o.key)
    })
    if (status >= 300 && status < 400) {
      const location = String(headers.location ?? '')
      let host = 'an unknown place'
      try {
        host = location ? new URL(location, o.server.origin).host : host
      } catch {
        // unparseable Location: keep the generic wording
      }
      serverMessage = `Maestro redirected to ${host}; redirects are not followed so the access token never leaves ${new URL(o.server.origin).host}`
      hint = `use the address the server redirects to as the server URL (for example https:// instead of http://).`
    }
    if (status === 401 && spec.auth === false && spec.path.endsWith('/workspace/login'))
      hint = 'check the login (workspace organization label) and the workspace key.'
    else if (status === 401 && spec.auth !== false && this.#tokenFromCaller && !o.key)
      hint = o.expiredTokenHint ?? hint
    const error = new MaestroHttpError({
      operation: spec.operation,
      method: spec.method,
      path: o.server.pathPrefix + spec.path,
      status,
      serverMessage: serverMessage ? o.redactor.redact(serverMessage) : undefined,
      hint,
      attempts: attempt
    })
    return new StatusFailure(status, error, parseRetryAfter(headers['retry-after']))
  }
}

function queryString(query: RequestSpec<unknown>['query']): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null) params.append(k, String(v))
  const s = params.toString()
  return s ? `?${s}` : ''
}

async function readLimited(
  body: AsyncIterable<Uint8Array> & { destroy(): unknown },
  limit: number
): Promise<string> {
  const chunks: Buffer[] = []
  let n = 0
  try {
    for await (const c of body) {
      chunks.push(Buffer.from(c))
      n += c.length
      if (n >= limit) break
    }
  } catch {
    // a broken error body still leaves us the status
  }
  body.destroy()
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8')
}

export async function readJson(answer: Answer, operation: string): Promise<unknown> {
  const text = await answer.body.text()
  if (!text.trim()) return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new MaestroError(
      `Could not ${operation}: Maestro's answer (HTTP ${answer.status}) is not JSON.`,
      { operation }
    )
  }
}

async function read<T>(reader: Reader<T>, answer: Answer, operation: string): Promise<unknown> {
  if (reader === 'json') return readJson(answer, operation)
  if (reader === 'text') return answer.body.text()
  if (reader === 'none') {
    await answer.body.dump({ limit: 1024 * 1024 })
    return undefined
  }
  return reader(answer)
}
