// Fault injection: rules matched against each API request in order of creation. The server asks
// take() once per request; a matching rule is used up by one (times = 0 means forever).
import { HttpError } from './http.js'
import { msg } from './messages.js'
import { fields } from './validate.js'

export const RESET_MODES = ['before-response', 'during-request', 'during-response'] as const

export interface FaultSpec {
  method?: string
  path: string
  times: number
  delayMs?: number
  status?: number
  retryAfter?: string
  /** Seconds from the moment of the answer, sent as an HTTP-date Retry-After. */
  retryAfterDate?: number
  /** A Location header, e.g. for a 307 that points at another host. */
  location?: string
  body?: object | string
  reset?: (typeof RESET_MODES)[number]
  afterBytes?: number
  truncate?: boolean
}

export interface Fault extends FaultSpec {
  id: number
  /** Uses left; null when times was 0 (forever). */
  remaining: number | null
  used: number
}

/** `*` matches within one path segment, `**` across segments; everything else is literal. */
export function compilePattern(pattern: string): RegExp {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '*' && pattern[i + 1] === '*') {
      re += '.*'
      i++
    } else if (ch === '*') re += '[^/]*'
    else re += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

export function parseFault(body: unknown): FaultSpec {
  const f = fields(body)
  const spec: FaultSpec = { path: f.str('path'), times: f.optInt('times', 0) ?? 1 }
  const method = f.optStr('method')
  if (method) spec.method = method.toUpperCase()
  const delayMs = f.optInt('delayMs', 0)
  if (delayMs !== null) spec.delayMs = delayMs
  const status = f.optInt('status', 100, 599)
  if (status !== null) spec.status = status
  const retryAfter = f.optStr('retryAfter')
  if (retryAfter !== null) spec.retryAfter = retryAfter
  // An absolute date written when the fault is set up may already be past when it fires.
  const retryAfterDate = f.optInt('retryAfterDate', 0, 86_400)
  if (retryAfterDate !== null) {
    if (retryAfter !== null) throw new HttpError(400, msg.faultRetryAfter)
    spec.retryAfterDate = retryAfterDate
  }
  const location = f.optStr('location')
  if (location !== null) spec.location = location
  if (f.o.body !== undefined && f.o.body !== null) {
    if (typeof f.o.body !== 'string' && typeof f.o.body !== 'object') {
      throw new HttpError(400, msg.faultBody)
    }
    spec.body = f.o.body as object | string
  }
  const reset = f.optStr('reset')
  if (reset !== null) {
    if (!(RESET_MODES as readonly string[]).includes(reset)) {
      throw new HttpError(400, msg.faultReset(RESET_MODES))
    }
    spec.reset = reset as FaultSpec['reset']
  }
  const afterBytes = f.optInt('afterBytes', 0)
  if (afterBytes !== null) spec.afterBytes = afterBytes
  const truncate = f.optBool('truncate')
  if (truncate !== null) spec.truncate = truncate
  const effects = [spec.status !== undefined, spec.reset !== undefined, spec.truncate === true]
  if (effects.filter(Boolean).length > 1) {
    throw new HttpError(400, msg.faultEffects)
  }
  return spec
}

export class Faults {
  private rules: (Fault & { re: RegExp })[] = []
  private seq = 0

  add(spec: FaultSpec): number {
    const id = ++this.seq
    this.rules.push({
      ...spec,
      id,
      remaining: spec.times === 0 ? null : spec.times,
      used: 0,
      re: compilePattern(spec.path)
    })
    return id
  }

  list(): Fault[] {
    return this.rules.map(({ re: _re, ...f }) => f)
  }

  clear(): void {
    this.rules = []
  }

  take(method: string, path: string): Fault | null {
    const rule = this.rules.find(r => (!r.method || r.method === method) && r.re.test(path))
    if (!rule) return null
    rule.used++
    if (rule.remaining !== null && --rule.remaining <= 0)
      this.rules.splice(this.rules.indexOf(rule), 1)
    const { re: _re, ...fault } = rule
    return fault
  }
}
