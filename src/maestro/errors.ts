// Typed errors. Every message starts with what the client was trying to do ("Could not create
// task for automation 'x'") and, for HTTP errors, says what Maestro answered and what to check.

import { STATUS_CODES } from 'node:http'

export interface MaestroErrorOptions {
  /** What the client was doing, e.g. "create task for automation 'x'". */
  operation: string
  cause?: unknown
}

/** Base class: anything the client throws on purpose is a MaestroError. */
export class MaestroError extends Error {
  readonly operation: string
  constructor(message: string, options: MaestroErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'MaestroError'
    this.operation = options.operation
  }
}

export interface MaestroHttpErrorOptions {
  operation: string
  method: string
  /** Request path without the query string. */
  path: string
  status: number
  /** Maestro's `message` (or a short sanitized snippet of a non-JSON body), already redacted. */
  serverMessage?: string
  /** What to check, e.g. "check the login and key". */
  hint?: string
  /** How many times the call was sent. */
  attempts?: number
}

/** Maestro answered with a status the call does not accept. */
export class MaestroHttpError extends MaestroError {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly statusText: string
  readonly serverMessage: string | undefined
  readonly hint: string | undefined
  readonly attempts: number
  constructor(o: MaestroHttpErrorOptions) {
    const statusText = STATUS_CODES[o.status] ?? 'Unknown Status'
    let message = `Could not ${o.operation}: HTTP ${o.status} ${statusText}`
    if (o.serverMessage) message += `: ${o.serverMessage}`
    if (o.attempts && o.attempts > 1) message += ` (after ${o.attempts} attempts)`
    if (!/[.!?]$/.test(message)) message += '.'
    if (o.hint) message += ` Hint: ${o.hint}`
    super(message, { operation: o.operation })
    this.name = 'MaestroHttpError'
    this.method = o.method
    this.path = o.path
    this.status = o.status
    this.statusText = statusText
    this.serverMessage = o.serverMessage
    this.hint = o.hint
    this.attempts = o.attempts ?? 1
  }
}

export interface MaestroNetworkErrorOptions {
  operation: string
  /** The underlying error code: ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET, TIMEOUT, a TLS code... */
  code: string
  /** What went wrong, already redacted. */
  detail: string
  attempts: number
  hint?: string
  cause?: unknown
}

/** The request did not get a complete answer: connection, TLS, proxy, timeout or truncated body. */
export class MaestroNetworkError extends MaestroError {
  readonly code: string
  readonly detail: string
  readonly attempts: number
  readonly hint: string | undefined
  constructor(o: MaestroNetworkErrorOptions) {
    let message = `Could not ${o.operation}: network error (${o.code})`
    if (o.attempts > 1) message += ` after ${o.attempts} attempts`
    message += `: ${o.detail}`
    if (!/[.!?]$/.test(message)) message += '.'
    if (o.hint) message += ` Hint: ${o.hint}`
    super(message, { operation: o.operation, cause: o.cause })
    this.name = 'MaestroNetworkError'
    this.code = o.code
    this.detail = o.detail
    this.attempts = o.attempts
    this.hint = o.hint
  }
}

/**
 * The same error with `extra` added to its hint (e.g. what a failed second step left behind);
 * other values are returned as they are.
 */
export function withHint<E>(error: E, extra: string): E {
  const hint = (h: string | undefined) => (h ? `${h} ${extra}` : extra)
  if (error instanceof MaestroHttpError) {
    return new MaestroHttpError({
      operation: error.operation,
      method: error.method,
      path: error.path,
      status: error.status,
      serverMessage: error.serverMessage,
      hint: hint(error.hint),
      attempts: error.attempts
    }) as E
  }
  if (error instanceof MaestroNetworkError) {
    return new MaestroNetworkError({
      operation: error.operation,
      code: error.code,
      detail: error.detail,
      attempts: error.attempts,
      hint: hint(error.hint),
      cause: error.cause
    }) as E
  }
  return error
}

/** A caller mistake caught before anything was sent. `field` names the offending input. */
export class MaestroInputError extends MaestroError {
  readonly field: string
  constructor(field: string, message: string, operation = 'validate the request') {
    super(message, { operation })
    this.name = 'MaestroInputError'
    this.field = field
  }
}

/** The hint attached to an HTTP error, by status. `notFound` names what a 404 refers to. */
export function hintForStatus(
  status: number,
  context: { notFound?: string; tokenFromCaller?: boolean; keyAvailable?: boolean } = {}
): string | undefined {
  if (status === 401) {
    if (context.tokenFromCaller && !context.keyAvailable)
      return 'the access token expired or is invalid; log in again, or give the workspace key so the client can renew it.'
    return 'check the login (workspace organization label) and the workspace key.'
  }
  if (status === 403)
    return 'the login is not allowed to do this; check its permissions in Maestro.'
  if (status === 404)
    return context.notFound
      ? `check that ${context.notFound} exists in this workspace (labels are case-sensitive).`
      : 'check the server URL and the label or id in the request.'
  if (status === 408 || status === 429)
    return 'Maestro is busy or rate-limiting; try again later or raise the retry attempts.'
  if (status >= 500)
    return 'Maestro had a server-side problem; try again later, and check its status if it persists.'
  if (status >= 300 && status < 400) return undefined
  return undefined
}

const MAX_SNIPPET = 200

/**
 * Turns an error body into one short line: Spring's JSON `message` (or `error`) when there is one,
 * otherwise the text with tags and control characters removed, cut to 200 characters.
 */
export function describeErrorBody(body: string, contentType?: string): string | undefined {
  const text = body.trim()
  if (!text) return undefined
  const looksJson = /json/i.test(contentType ?? '') || text.startsWith('{')
  if (looksJson) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed && typeof parsed === 'object') {
        const o = parsed as Record<string, unknown>
        for (const k of ['message', 'error_description', 'detail', 'error']) {
          const v = o[k]
          if (typeof v === 'string' && v.trim()) return oneLine(v)
        }
        return undefined
      }
      if (typeof parsed === 'string') return oneLine(parsed)
    } catch {
      // not JSON after all: fall through to the text snippet
    }
  }
  const noTags = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
  const line = oneLine(noTags)
  return line || undefined
}

function oneLine(s: string): string {
  const clean = s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return clean.length > MAX_SNIPPET ? `${clean.slice(0, MAX_SNIPPET - 1)}…` : clean
}
