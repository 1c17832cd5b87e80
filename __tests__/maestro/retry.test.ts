import { describe, expect, test } from '@jest/globals'
import {
  backoffDelay,
  DEFAULT_RETRY,
  decideRetry,
  parseRetryAfter
} from '../../src/maestro/index.js'

const s = { ...DEFAULT_RETRY, attempts: 4, baseDelayMs: 100, maxDelayMs: 1000 }
const top = () => 0.999999

describe('backoff', () => {
  test('full jitter within an exponential ceiling capped by maxDelayMs', () => {
    expect(backoffDelay(1, s, top)).toBe(99)
    expect(backoffDelay(2, s, top)).toBe(199)
    expect(backoffDelay(3, s, top)).toBe(399)
    expect(backoffDelay(10, s, top)).toBe(999)
    expect(backoffDelay(3, s, () => 0)).toBe(0)
  })
})

describe('decideRetry', () => {
  test('idempotent calls retry on connection errors and 408/429/5xx', () => {
    for (const code of ['ECONNRESET', 'UND_ERR_SOCKET', 'TIMEOUT', 'ECONNREFUSED', 'TRUNCATED'])
      expect(decideRetry('idempotent', { kind: 'network', code }, 1, s).retry).toBe(true)
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(decideRetry('idempotent', { kind: 'status', status }, 1, s).retry).toBe(true)
    for (const status of [400, 401, 403, 404, 409, 422, 501])
      expect(decideRetry('idempotent', { kind: 'status', status }, 1, s).retry).toBe(false)
  })

  test('creates retry only when never sent, or on 429/503 with Retry-After', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])
      expect(decideRetry('create', { kind: 'network', code }, 1, s).retry).toBe(true)
    for (const code of [
      'ECONNRESET',
      'UND_ERR_SOCKET',
      'TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'EPIPE'
    ])
      expect(decideRetry('create', { kind: 'network', code }, 1, s).retry).toBe(false)
    for (const status of [500, 502, 504, 408]) {
      expect(decideRetry('create', { kind: 'status', status }, 1, s).retry).toBe(false)
      expect(decideRetry('create', { kind: 'status', status, retryAfterMs: 10 }, 1, s).retry).toBe(
        false
      )
    }
    expect(decideRetry('create', { kind: 'status', status: 429 }, 1, s).retry).toBe(false)
    expect(decideRetry('create', { kind: 'status', status: 503 }, 1, s).retry).toBe(false)
    expect(
      decideRetry('create', { kind: 'status', status: 429, retryAfterMs: 2000 }, 1, s)
    ).toEqual({
      retry: true,
      delayMs: 2000
    })
    expect(
      decideRetry('create', { kind: 'status', status: 503, retryAfterMs: 0 }, 1, s).retry
    ).toBe(true)
  })

  test('Retry-After is honoured exactly, and refused beyond maxRetryAfterMs', () => {
    expect(
      decideRetry('idempotent', { kind: 'status', status: 429, retryAfterMs: 3000 }, 1, s).delayMs
    ).toBe(3000)
    const long = decideRetry(
      'idempotent',
      { kind: 'status', status: 503, retryAfterMs: 600_000 },
      1,
      s
    )
    expect(long.retry).toBe(false)
    expect(long.reason).toMatch(/600 s/)
  })

  test('the attempts budget and the once class stop retries', () => {
    expect(decideRetry('idempotent', { kind: 'status', status: 503 }, 4, s).retry).toBe(false)
    expect(decideRetry('idempotent', { kind: 'status', status: 503 }, 3, s).retry).toBe(true)
    expect(decideRetry('once', { kind: 'network', code: 'ECONNREFUSED' }, 1, s).retry).toBe(false)
    expect(
      decideRetry('idempotent', { kind: 'network', code: 'ECONNRESET' }, 1, { ...s, attempts: 1 })
        .retry
    ).toBe(false)
  })

  test('TLS trust failures are never retried', () => {
    for (const code of [
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'ERR_TLS_CERT_ALTNAME_INVALID'
    ])
      expect(decideRetry('idempotent', { kind: 'network', code }, 1, s).retry).toBe(false)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  test('seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0)
    expect(parseRetryAfter('5', now)).toBe(5000)
    expect(parseRetryAfter(' 12 ', now)).toBe(12_000)
    expect(parseRetryAfter(['3', '9'], now)).toBe(3000)
  })
  test('HTTP date, never negative', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
  })
  test('absent or unreadable', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
    expect(parseRetryAfter('-1', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('Mon, 99 Foo 2026', now)).toBeUndefined()
  })
})
