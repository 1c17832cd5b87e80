// The fault matrix (issue 6): every action, each API call it makes, each fault the sandbox can
// inject, run as the runner runs it. Each case either does its job exactly once or fails with a
// message naming the operation and what happened; never a duplicate, never a secret shown.
// EXPECTED below is the one table of expected results; ACTIONS and FAULTS (matrix.ts) say what
// is run. To add an action, add its entry to ACTIONS in matrix.ts (see the comment there).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { actionDir } from '../support/runner.js'
import { recordReliability } from '../support/reliability.js'
import {
  ACTIONS,
  FAULTS,
  allCases,
  emptyFootprint,
  growth,
  pool,
  runCase,
  SLOW_TIMEOUT_SECONDS,
  type CallClass,
  type Case,
  type CaseRun,
  type FaultName,
  type Footprint
} from './matrix.js'

type Expected =
  /** Sent again and succeeded: the job done once; `waitMs`: what the client had to wait first. */
  | { result: 'retried'; sends: number; waitMs?: number }
  /**
   * Failed with one error naming the operation, matching `says`. `done`: the sandbox carried the
   * call out although its answer was lost ('either': it may or may not have, by timing; never
   * twice); `maybeDone`: the message warns that it may have.
   */
  | { result: 'failed'; says: RegExp; sends: number; done: boolean | 'either'; maybeDone: boolean }

const retried = (waitMs?: number): Expected => ({ result: 'retried', sends: 2, waitMs })
const failed = (
  says: RegExp,
  o: { sends?: number; done?: boolean | 'either'; maybeDone?: boolean } = {}
): Expected => ({
  result: 'failed',
  says,
  sends: o.sends ?? 1,
  done: o.done ?? false,
  maybeDone: o.maybeDone ?? false
})

const RESET = /: network error \((ECONNRESET|UND_ERR_SOCKET)\)[^]*Hint: the connection was cut/
const CUT =
  /: network error \((UND_ERR_SOCKET|ECONNRESET|UND_ERR_RES_CONTENT_LENGTH_MISMATCH|TRUNCATED)\)[^]*Hint: the connection was cut/
const timeout = (seconds: number) =>
  new RegExp(
    `: network error \\(TIMEOUT\\): no complete answer within ${seconds} s\\. Hint: Maestro did not answer in time`
  )
const TIMEOUT = timeout(SLOW_TIMEOUT_SECONDS)
const EXPIRED =
  /: HTTP 401 Unauthorized: Invalid or expired token\. Hint: the access token in BOTCITY_ACCESS_TOKEN \(from an earlier login step\) expired or is invalid\. To fix it, run the login action again/

/**
 * The expected result of every case, by the call's retry class (src/maestro/README.md): an
 * idempotent call is sent again; a call that creates something is sent again only when the
 * server said it did nothing (429 with Retry-After) or never saw it (a 401 before a new login),
 * and otherwise fails, saying it may have been done when the request got through.
 */
const EXPECTED: Record<FaultName, Record<CallClass, Expected>> = {
  '500': {
    idempotent: retried(),
    create: failed(/: HTTP 500 Internal Server Error: Injected fault\./)
  },
  '502': { idempotent: retried(), create: failed(/: HTTP 502 Bad Gateway: Injected fault\./) },
  '503': {
    idempotent: retried(),
    create: failed(/: HTTP 503 Service Unavailable: Injected fault\./)
  },
  '503 on every try': {
    idempotent: failed(/: HTTP 503 Service Unavailable: Injected fault \(after 4 attempts\)\./, {
      sends: 4
    }),
    create: failed(/: HTTP 503 Service Unavailable: Injected fault\./)
  },
  '429, Retry-After in seconds': { idempotent: retried(1000), create: retried(1000) },
  '429, Retry-After as an HTTP date': { idempotent: retried(1000), create: retried(1000) },
  'reset before the answer': {
    idempotent: retried(),
    // The sandbox resets before running the handler; the client cannot know that.
    create: failed(RESET, { maybeDone: true })
  },
  'reset part-way through the upload': {
    idempotent: retried(),
    create: failed(RESET, { maybeDone: true })
  },
  'reset part-way through the answer': {
    idempotent: retried(),
    create: failed(RESET, { done: true, maybeDone: true })
  },
  'answer slower than the timeout': {
    idempotent: retried(),
    create: failed(TIMEOUT, { done: true, maybeDone: true })
  },
  'truncated answer': {
    idempotent: retried(),
    create: failed(CUT, { done: true, maybeDone: true })
  },
  // Only downloads meet it (all GETs, idempotent); a create would be cut once, as above.
  'truncated download on every try': {
    idempotent: failed(CUT, { sends: 4 }),
    create: failed(CUT, { done: true, maybeDone: true })
  },
  'token expired mid-run': { idempotent: retried(), create: retried() },
  'token expired mid-run, no key': { idempotent: failed(EXPIRED), create: failed(EXPIRED) }
}

/**
 * Where a file send differs from the table above. A create-class upload (an error attachment: each
 * send adds one) under a slow answer: its deadline is the timeout plus the file's size at 256 KiB/s
 * (2 s + 256 KiB = 3 s here). The sandbox sleeps before reading the body, then stores the file
 * when the whole body was already buffered and not when the connection closed first: it may or
 * may not be attached, never twice. The client cannot know which, so it says it may have.
 */
const UPLOAD_EXPECTED: Partial<Record<FaultName, Partial<Record<CallClass, Expected>>>> = {
  'answer slower than the timeout': {
    create: failed(
      /: network error \(TIMEOUT\): no complete answer within 3 s\. Hint: Maestro did not answer in time/,
      { done: 'either', maybeDone: true }
    )
  }
}

const MAYBE_DONE = /Maestro may have carried it out anyway: check there before running this step/

interface Verdict {
  fault: string[]
  duplicate: string[]
  leak: string[]
  /** what the entry's partialFiles() found: a half-written or temporary file, wrong bytes */
  partial: string[]
}

/** Every way the case went other than EXPECTED says; empty lists when it is right. */
function judge(c: Case, run: CaseRun): Verdict {
  const call = c.entry.calls[c.callIndex]
  const exp =
    (call.upload ? UPLOAD_EXPECTED[c.fault.name]?.[call.class] : undefined) ??
    EXPECTED[c.fault.name][call.class]
  const fault: string[] = []
  const duplicate: string[] = []

  // What the sandbox should hold: every create before the faulted call, and the faulted call's
  // own when it succeeded in the end or was carried out although its answer was lost.
  const want: Footprint = emptyFootprint()
  c.entry.calls.forEach((x, i) => {
    const counts =
      i < c.callIndex || exp.result === 'retried' || (i === c.callIndex && exp.done === true)
    if (x.creates && counts) want[x.creates]++
    if (x.removes && counts) want[x.removes]--
  })
  const got = growth(run.before, run.after)
  // Carried out or not, by timing: one more of what the call creates is right too.
  const either = exp.result === 'failed' && exp.done === 'either' ? call.creates : undefined
  if (either && got[either] === want[either] + 1) want[either]++
  for (const k of Object.keys(want) as (keyof Footprint)[]) {
    if (got[k] > want[k]) duplicate.push(`${k}: ${got[k]} created, expected ${want[k]}`)
    else if (got[k] !== want[k]) fault.push(`${k}: ${got[k]} created, expected ${want[k]}`)
  }

  // The fault did happen, as often as expected.
  if (c.fault.spec) {
    const left = run.faultsLeft
    if (c.fault.spec.times === 0) {
      if (left[0]?.used !== exp.sends) fault.push(`fault used ${left[0]?.used} times`)
    } else if (left.length > 0) fault.push('the fault was never hit')
  } else if (run.sends[0]?.status !== 401) fault.push('the call did not meet the expired token')
  if (run.sends.length !== exp.sends)
    fault.push(`the call was sent ${run.sends.length} times, expected ${exp.sends}`)

  const { result } = run
  if (exp.result === 'retried') {
    if (result.exitCode !== 0) fault.push(`exit code ${result.exitCode}: ${run.errors.join(' | ')}`)
    if (run.errors.length > 0) fault.push(`errors: ${run.errors.join(' | ')}`)
    else
      fault.push(
        ...c.entry.verify({
          result,
          state: run.state,
          setup: run.setup,
          requests: run.requests,
          call
        })
      )
    if (exp.waitMs !== undefined && run.sends.length >= 2) {
      const waited = run.sends[1].at - run.sends[0].at
      if (waited < exp.waitMs - 50) fault.push(`sent again after ${waited} ms, not ${exp.waitMs}`)
    }
  } else {
    if (result.exitCode !== 1) fault.push(`exit code ${result.exitCode}, expected 1`)
    if (run.errors.length !== 1) fault.push(`${run.errors.length} ::error lines, expected 1`)
    const message = run.errors[0] ?? ''
    const operation = call.operation(run.setup)
    const prefix = call.failurePrefix?.(run.setup).source ?? ''
    // A file send's deadline is longer than timeout-seconds, and its message says so.
    const says =
      exp.says === TIMEOUT && call.slowDeadlineSeconds !== undefined
        ? timeout(call.slowDeadlineSeconds)
        : exp.says
    if (!new RegExp(`^${prefix}Could not ${operation.source}${says.source}`).test(message))
      fault.push(`message does not name '${operation.source}' and ${says}: ${message}`)
    if (call.failureSays && !call.failureSays.test(message))
      fault.push(`message does not say ${call.failureSays}: ${message}`)
    if (MAYBE_DONE.test(message) !== exp.maybeDone)
      fault.push(
        `message ${exp.maybeDone ? 'does not say' : 'says'} the call may have been done: ${message}`
      )
  }
  const facts = { result, state: run.state, setup: run.setup, requests: run.requests, call }
  return { fault, duplicate, leak: run.leaks, partial: c.entry.partialFiles?.(facts) ?? [] }
}

// FAULT_MATRIX_ONLY=<text>: run only the cases whose title contains it (when debugging one).
const only = process.env.FAULT_MATRIX_ONLY
const CASES = allCases().filter(c => !only || c.title.includes(only))
const runs = new Map<string, CaseRun | Error>()
// Each case has its own sandbox; the time goes to starting node and to waits (Retry-After,
// timeouts), so a few at a time overlap well even on 2 cores.
const CONCURRENCY = Math.max(4, Math.min(8, availableParallelism() * 4))
let started = 0

beforeAll(async () => {
  started = Date.now()
  await pool(CASES, CONCURRENCY, async c => {
    try {
      runs.set(c.title, await runCase(c))
    } catch (e) {
      runs.set(c.title, e instanceof Error ? e : new Error(String(e)))
    }
  })
}, 600_000)

afterAll(() => {
  process.stdout.write(
    `fault matrix: ${CASES.length} cases in ${Math.round((Date.now() - started) / 1000)} s\n`
  )
})

describe('the fault matrix', () => {
  test('covers every action in actions/, and every fault kind has an expected result', () => {
    const actions = readdirSync(join(dirname(actionDir('login')))).sort()
    const missing = actions.filter(a => !ACTIONS.some(e => e.action === a))
    // A new action joins the matrix with one entry in ACTIONS (matrix.ts).
    expect(missing).toEqual([])
    expect(Object.keys(EXPECTED).sort()).toEqual(FAULTS.map(f => f.name).sort())
    // A downloading action says what its destination must hold after every case.
    const unchecked = ACTIONS.filter(e => e.calls.some(c => c.download) && !e.partialFiles)
    expect(unchecked.map(e => e.action)).toEqual([])
  })

  test.each(CASES.map(c => [c.title, c] as const))('%s', (title, c) => {
    const run = runs.get(title)
    if (!(run instanceof Error) && run !== undefined) {
      const v = judge(c, run)
      recordReliability('fault', title, v.fault.length === 0)
      recordReliability('duplicate', title, v.duplicate.length === 0)
      recordReliability('leak', title, v.leak.length === 0)
      if (c.entry.partialFiles) recordReliability('partial-file', title, v.partial.length === 0)
      expect(v).toEqual({ fault: [], duplicate: [], leak: [], partial: [] })
    } else {
      recordReliability('fault', title, false)
      throw run ?? new Error('the case did not run')
    }
  })
})
