// The one retry policy. Each call declares an idempotency class; this file alone decides, from
// the class and what went wrong, whether to send the call again and after how long.

/**
 * - `idempotent`: sending it twice has the same effect as once (GET, DELETE, task state updates,
 *   replacing a file or a credential set, login). Retried on connection errors and 408/429/5xx.
 * - `create`: each send may create something (task, alert, artifact record, error, message, log
 *   entry, credential key, bot deploy, datapool push, datapool pull). Retried only when the request
 *   provably never reached the server, or on 429/503 carrying Retry-After (the server says it did
 *   not process it).
 * - `once`: never retried (e.g. a caller-given stream that cannot be read twice).
 */
export type Idempotency = 'idempotent' | 'create' | 'once'

export interface RetrySettings {
  /** Total tries, first one included. Default 4. */
  attempts: number
  /** Base of the exponential backoff. Default 500 ms. */
  baseDelayMs: number
  /** Cap of one backoff delay. Default 10 s. */
  maxDelayMs: number
  /** A Retry-After longer than this is not waited for: the call fails instead. Default 120 s. */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY: RetrySettings = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 120_000
}

/** Statuses worth another try for an idempotent call. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])

/** Error codes that prove the request never reached the server (no connection was made). */
export const NEVER_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT'
])

/** Error codes that no retry will fix (configuration: TLS trust, bad input). */
export const FATAL_CODES: ReadonlySet<string> = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_INVALID_URL',
  'UND_ERR_INVALID_ARG',
  'UND_ERR_NOT_SUPPORTED',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH'
])

/** What went wrong on one try: an HTTP status, or a network error code. */
export type Outcome =
  { kind: 'status'; status: number; retryAfterMs?: number } | { kind: 'network'; code: string }

export interface RetryDecision {
  retry: boolean
  /** How long to wait before the next try (when retry is true). */
  delayMs: number
  /** Why not, when retry is false and the outcome would otherwise have been retried. */
  reason?: string
}

/** Full-jitter exponential backoff: a random delay in [0, min(max, base * 2^(attempt-1))]. */
export function backoffDelay(
  attempt: number,
  s: RetrySettings,
  random: () => number = Math.random
): number {
  const ceiling = Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.floor(random() * ceiling)
}

/**
 * Decides whether try number `attempt` (1-based) that ended in `outcome` is followed by another.
 */
export function decideRetry(
  idempotency: Idempotency,
  outcome: Outcome,
  attempt: number,
  s: RetrySettings,
  random: () => number = Math.random
): RetryDecision {
  const no = (reason?: string): RetryDecision => ({ retry: false, delayMs: 0, reason })
  if (idempotency === 'once') return no()
  if (attempt >= s.attempts) return no()

  if (outcome.kind === 'network') {
    if (FATAL_CODES.has(outcome.code)) return no()
    const retryable = idempotency === 'idempotent' || NEVER_SENT_CODES.has(outcome.code)
    return retryable ? { retry: true, delayMs: backoffDelay(attempt, s, random) } : no()
  }

  const { status, retryAfterMs } = outcome
  const honoured = retryAfterMs !== undefined && (status === 429 || status === 503)
  const retryable = idempotency === 'idempotent' ? RETRYABLE_STATUSES.has(status) : honoured // create: only 429/503 + Retry-After
  if (!retryable) return no()
  if (retryAfterMs !== undefined && (status === 429 || status === 503 || status === 408)) {
    if (retryAfterMs > s.maxRetryAfterMs)
      return no(
        `the server asked to wait ${Math.ceil(retryAfterMs / 1000)} s, longer than the ${Math.ceil(s.maxRetryAfterMs / 1000)} s limit`
      )
    return { retry: true, delayMs: retryAfterMs }
  }
  return { retry: true, delayMs: backoffDelay(attempt, s, random) }
}

/**
 * Parses a Retry-After header: delay-seconds or an HTTP-date. Returns milliseconds from `now`
 * (never negative), or undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: number = Date.now()
): number | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim()
  if (!v) return undefined
  if (/^\d+$/.test(v)) return Number(v) * 1000
  if (/^\d+\.\d+$/.test(v)) return Math.round(Number(v) * 1000)
  // An HTTP-date always names a weekday or month: refuse things like "-1" or "soon".
  if (!/[a-z]{3}/i.test(v)) return undefined
  const at = Date.parse(v)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now)
}
